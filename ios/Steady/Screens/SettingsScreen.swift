import SteadyCore
import SteadyKit
import SwiftUI

/// Settings: language, the diary day's start, reminders (daily check-in and permission), the
/// equivalence table, the app lock, backup and restore through the document picker, erase.
struct SettingsScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var passphrase = ""
    @State private var again = ""
    @State private var backingUp = false
    @State private var restoring = false
    @State private var erasing = false

    private func clock(_ text: NaiveTime?, _ set: @escaping (NaiveTime) -> Void) -> Binding<Date> {
        Binding(get: { text.flatMap { CoreValues.date(fromClock: $0) } ?? Date() }, set: { set(CoreValues.clock($0)) })
    }

    var body: some View {
        Form {
            MessageBanner(words: words)
            if let settings = model.settings {
                Section {
                    Picker(words.languageName(settings.language), selection: Binding(
                        get: { settings.language }, set: { model.changeLanguage($0) })) {
                        ForEach(Languages.all, id: \.self) { lang in
                            Text(words.languageName(lang)).tag(lang)
                        }
                    }
                    .pickerStyle(.inline)
                    .accessibilityLabel(Text(words.languageName(settings.language)))
                }
                Section {
                    DatePicker(words.dayStartCaption, selection: clock(settings.dayStart) { model.changeDayStart($0) }, displayedComponents: .hourAndMinute)
                        .accessibilityLabel(Text(words.dayStartCaption))
                } footer: {
                    Text(words.dayStartCaption)
                }
                Section(words.labels.shellReminders) {
                    Toggle(words.labels.shellReminders, isOn: Binding(
                        get: { settings.checkIn != nil }, set: { model.changeCheckIn($0 ? "21:00" : nil) }))
                        .accessibilityLabel(Text(words.labels.shellReminders))
                    if let checkIn = settings.checkIn {
                        DatePicker(words.labels.shellReminders, selection: clock(checkIn) { model.changeCheckIn($0) }, displayedComponents: .hourAndMinute)
                            .accessibilityLabel(Text(words.labels.shellReminders))
                    }
                    if model.notificationPermission != .allowed {
                        Button(words.labels.shellRemindersAllow) {
                            Task { await model.allowReminders() }
                        }
                        .accessibilityLabel(Text(words.labels.shellRemindersAllow))
                    }
                }
                Section {
                    Picker(words.tableName(settings.table), selection: Binding(
                        get: { settings.table }, set: { model.changeTable($0) })) {
                        ForEach(Tables.all, id: \.self) { table in
                            Text(words.tableName(table)).tag(table)
                        }
                    }
                    .accessibilityLabel(Text(words.tableName(settings.table)))
                    if let note = model.today?.tableNote {
                        Text(note).font(.footnote).foregroundStyle(.secondary)
                    }
                }
                Section {
                    Toggle(words.labels.settingsAppLock, isOn: Binding(
                        get: { model.appLockEnabled }, set: { on in Task { await model.setAppLock(on) } }))
                        .disabled(!model.canUseAppLock)
                        .accessibilityLabel(Text(words.labels.settingsAppLock))
                }
                Section {
                    Button(words.labels.actionBackup) { backingUp = true }
                        .accessibilityLabel(Text(words.labels.actionBackup))
                    Button(words.labels.actionRestore) { restoring = true }
                        .accessibilityLabel(Text(words.labels.actionRestore))
                }
                Section {
                    Button(words.labels.actionErase, role: .destructive) { erasing = true }
                        .accessibilityLabel(Text(words.labels.actionErase))
                }
            }
        }
        .navigationTitle(words.labels.screenSettings)
        .sheet(isPresented: $backingUp) {
            NavigationStack {
                Form {
                    MessageBanner(words: words)
                    PassphraseFields(words: words, passphrase: $passphrase, again: $again)
                }
                .navigationTitle(words.labels.actionBackup)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) {
                        Button(words.labels.actionCancel) { backingUp = false }
                    }
                    ToolbarItem(placement: .confirmationAction) {
                        Button(words.labels.actionBackup) {
                            Task {
                                if await model.makeBackup(passphrase: passphrase, again: again) != nil {
                                    passphrase = ""
                                    again = ""
                                    backingUp = false
                                }
                            }
                        }
                        .disabled(passphrase.isEmpty)
                    }
                }
            }
        }
        .sheet(isPresented: $restoring) {
            RestoreSheet(words: words) { file, passphrase in
                await model.restoreBackup(file, passphrase: passphrase)
            }
        }
        .sheet(isPresented: $erasing) {
            EraseSheet(words: words) { typed in
                await model.erase(confirmation: typed)
            }
        }
    }
}
