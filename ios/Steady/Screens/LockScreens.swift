import SteadyCore
import SteadyKit
import SwiftUI

/// The app lock: Face ID, Touch ID or the device passcode before the diary shows.
struct LockScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words

    var body: some View {
        VStack(spacing: 24) {
            Image(systemName: "lock.fill")
                .font(.largeTitle)
                .accessibilityHidden(true)
            Text(words.labels.shellLocked)
                .font(.title2)
                .multilineTextAlignment(.center)
            MessageBanner(words: words)
            Button {
                Task { await model.unlock() }
            } label: {
                Label(words.labels.actionUnlock, systemImage: "faceid")
            }
            .buttonStyle(.borderedProminent)
            .accessibilityLabel(Text(words.labels.actionUnlock))
            .accessibilityHint(Text(words.labels.shellUnlockReason))
        }
        .padding()
        .navigationTitle(words.labels.screenUnlock)
    }
}

/// The key is gone (passcode removed, phone restored elsewhere): restore a backup or erase and
/// start again. Never a dead end.
struct KeyLostScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var restoring = false
    @State private var erasing = false

    var body: some View {
        NavigationStack {
            List {
                Section {
                    Text(words.labels.shellKeyLostBody)
                }
                MessageBanner(words: words)
                Section {
                    Button {
                        restoring = true
                    } label: {
                        Label(words.labels.actionRestore, systemImage: "arrow.down.doc")
                    }
                    .accessibilityLabel(Text(words.labels.actionRestore))
                    Button(role: .destructive) {
                        erasing = true
                    } label: {
                        Label(words.labels.actionErase, systemImage: "trash")
                    }
                    .accessibilityLabel(Text(words.labels.actionErase))
                }
            }
            .navigationTitle(words.labels.shellKeyLostTitle)
            .sheet(isPresented: $restoring) {
                RestoreSheet(words: words) { file, passphrase in
                    await model.restoreAfterLostKey(file, passphrase: passphrase)
                }
            }
            .sheet(isPresented: $erasing) {
                EraseSheet(words: words) { typed in
                    await model.eraseAfterLostKey(confirmation: typed)
                }
            }
        }
    }
}

/// The diary file or its key material is damaged, or an older copy of the file was put back:
/// rescue what can be read, restore a backup, or erase.
struct DamagedScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var restoring = false
    @State private var erasing = false

    var body: some View {
        NavigationStack {
            List {
                Section {
                    Text(model.damageText ?? errorMessage(error: .Corrupt(detail: ""), lang: words.language))
                }
                MessageBanner(words: words)
                Section {
                    Button {
                        Task { await model.recover() }
                    } label: {
                        Label(words.labels.actionRecover, systemImage: "bandage")
                    }
                    .accessibilityLabel(Text(words.labels.actionRecover))
                    Button {
                        restoring = true
                    } label: {
                        Label(words.labels.actionRestore, systemImage: "arrow.down.doc")
                    }
                    .accessibilityLabel(Text(words.labels.actionRestore))
                    Button(role: .destructive) {
                        erasing = true
                    } label: {
                        Label(words.labels.actionErase, systemImage: "trash")
                    }
                    .accessibilityLabel(Text(words.labels.actionErase))
                }
            }
            .navigationTitle(words.labels.shellDamagedTitle)
            .sheet(isPresented: $restoring) {
                RestoreSheet(words: words) { file, passphrase in
                    await model.restoreAfterLostKey(file, passphrase: passphrase)
                }
            }
            .sheet(isPresented: $erasing) {
                EraseSheet(words: words) { typed in
                    await model.eraseAfterLostKey(confirmation: typed)
                }
            }
        }
    }
}

/// The diary cannot be opened for now (the device is locked, storage failed): say so, try again.
struct UnavailableScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    let text: String

    var body: some View {
        VStack(spacing: 24) {
            Text(words.labels.shellErrorTitle)
                .font(.title2)
            Text(text)
                .multilineTextAlignment(.center)
            Button(words.labels.actionUnlock) {
                Task { await model.retry() }
            }
            .buttonStyle(.borderedProminent)
            .accessibilityLabel(Text(words.labels.actionUnlock))
        }
        .padding()
    }
}
