import SteadyCore
import SteadyKit
import SwiftUI
import UIKit
import UniformTypeIdentifiers

/// A plain cover shown while the app is not in the foreground (the app switcher's snapshot).
struct PrivacyCover: View {
    var body: some View {
        ZStack {
            Color(uiColor: .systemBackground)
            Image(systemName: "lock.fill")
                .font(.largeTitle)
                .foregroundStyle(.secondary)
                .accessibilityHidden(true)
        }
        .ignoresSafeArea()
    }
}

/// The last message of the model: a saved entry (with Undo), a refusal, a file made.
struct MessageBanner: View {
    @Environment(DiaryModel.self) private var model
    let words: Words

    var body: some View {
        if let message = model.message {
            HStack(alignment: .firstTextBaseline, spacing: 12) {
                Image(systemName: message.kind == .info ? "checkmark.circle" : "exclamationmark.circle")
                    .accessibilityHidden(true)
                Text(message.text)
                    .font(.callout)
                    .frame(maxWidth: .infinity, alignment: .leading)
                if let undo = message.undoId {
                    Button(words.labels.shellUndo) { model.undo(undo) }
                        .accessibilityLabel(Text(words.labels.shellUndo))
                }
                Button {
                    model.dismissMessage()
                } label: {
                    Image(systemName: "xmark")
                }
                .accessibilityLabel(Text(words.labels.shellClose))
            }
            .padding()
            .background(message.kind == .info ? Color.green.opacity(0.12) : Color.orange.opacity(0.15))
            .clipShape(RoundedRectangle(cornerRadius: 12))
            .padding(.horizontal)
            .accessibilityElement(children: .contain)
        }
    }
}

/// The system share sheet for a file SteadyKit wrote; the file is deleted when the sheet closes.
struct ShareSheet: UIViewControllerRepresentable {
    let file: SharedFile
    let finished: () -> Void

    func makeUIViewController(context: Context) -> UIActivityViewController {
        let controller = UIActivityViewController(activityItems: [file.url], applicationActivities: nil)
        controller.completionWithItemsHandler = { _, _, _, _ in finished() }
        return controller
    }

    func updateUIViewController(_ controller: UIActivityViewController, context: Context) {}
}

/// Shows the share sheet whenever the model has a file ready.
struct ShareSheetPresenter: ViewModifier {
    @Environment(DiaryModel.self) private var model

    func body(content: Content) -> some View {
        content.sheet(
            isPresented: Binding(get: { model.sharedFile != nil }, set: { if !$0 { model.sharingFinished() } })
        ) {
            if let file = model.sharedFile {
                ShareSheet(file: file) { model.sharingFinished() }
            }
        }
    }
}

extension View {
    func sharesFiles() -> some View { modifier(ShareSheetPresenter()) }
}

/// A passphrase typed twice (backup) or once (restore), with the core's help text.
struct PassphraseFields: View {
    let words: Words
    @Binding var passphrase: String
    @Binding var again: String
    var twice = true

    var body: some View {
        Section {
            SecureField(words.labels.shellBackupPassphrase, text: $passphrase)
                .textContentType(.newPassword)
                .accessibilityLabel(Text(words.labels.shellBackupPassphrase))
            if twice {
                SecureField(words.labels.shellBackupPassphraseAgain, text: $again)
                    .textContentType(.newPassword)
                    .accessibilityLabel(Text(words.labels.shellBackupPassphraseAgain))
            }
        } footer: {
            Text(words.labels.shellBackupPassphraseHelp)
        }
    }
}

/// Picks a backup file and asks its passphrase, then hands both on.
struct RestoreSheet: View {
    let words: Words
    let restore: (Data, String) async -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var picking = false
    @State private var file: Data?
    @State private var fileName = ""
    @State private var passphrase = ""
    @State private var unused = ""
    @State private var problem: String?

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Button {
                        picking = true
                    } label: {
                        Label(fileName.isEmpty ? words.labels.actionRestore : fileName, systemImage: "doc")
                    }
                    .accessibilityLabel(Text(words.labels.actionRestore))
                    if let problem {
                        Text(problem).foregroundStyle(.red).font(.footnote)
                    }
                }
                if file != nil {
                    PassphraseFields(words: words, passphrase: $passphrase, again: $unused, twice: false)
                }
            }
            .navigationTitle(words.labels.actionRestore)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(words.labels.actionCancel) { dismiss() }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button(words.labels.actionRestore) {
                        guard let file else { return }
                        Task {
                            await restore(file, passphrase)
                            dismiss()
                        }
                    }
                    .disabled(file == nil || passphrase.isEmpty)
                }
            }
            .fileImporter(isPresented: $picking, allowedContentTypes: [.data]) { result in
                guard case .success(let url) = result else { return }
                let scoped = url.startAccessingSecurityScopedResource()
                defer { if scoped { url.stopAccessingSecurityScopedResource() } }
                do {
                    file = try ExportFileStore.readBackup(at: url)
                    fileName = url.lastPathComponent
                    problem = nil
                } catch {
                    file = nil
                    problem = Messages.message(for: error, language: words.language).text
                }
            }
        }
    }
}

/// Erasing for good: the core's question, and the token it asks for typed in.
struct EraseSheet: View {
    let words: Words
    let erase: (String) async -> Bool
    @Environment(\.dismiss) private var dismiss
    @State private var typed = ""

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Text(words.labels.actionEraseConfirm)
                    TextField(words.labels.actionErase, text: $typed)
                        .textInputAutocapitalization(.characters)
                        .autocorrectionDisabled()
                        .accessibilityLabel(Text(words.labels.actionEraseConfirm))
                }
            }
            .navigationTitle(words.labels.actionErase)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(words.labels.actionCancel) { dismiss() }
                }
                ToolbarItem(placement: .destructiveAction) {
                    Button(words.labels.actionErase, role: .destructive) {
                        Task {
                            if await erase(typed) { dismiss() }
                        }
                    }
                    .disabled(!EraseConfirmation.matches(typed))
                }
            }
        }
    }
}

/// A row of two texts, label and value, read as one by VoiceOver.
struct LabeledText: View {
    let label: String
    let value: String

    var body: some View {
        LabeledContent(label, value: value)
            .accessibilityElement(children: .combine)
    }
}
