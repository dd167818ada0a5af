import Combine
import Foundation

/// The app's only link to the Rust core (`SteadyDiary`, from the generated `SteadyCore.swift`).
///
/// MVVM-thin: it sends `UserEvent`s, publishes the `AppView` the core returns and turns
/// `SteadyError`s into messages. It computes nothing clinical: totals, equivalents, scores,
/// validation and summaries all come from the core.
///
/// Used from the main thread only (SwiftUI calls it from views and scene callbacks). It is not
/// annotated `@MainActor` so the Swift 5 language mode accepts it from every SwiftUI SDK version
/// without isolation diagnostics; `assertMain()` checks the rule in debug builds.
final class Core: ObservableObject {
    /// A message for the user, tied to a form field when the core named one.
    struct UserMessage: Equatable {
        /// The core's field name ("mg", "quality", "items", …), or nil for the whole screen.
        let field: String?
        let text: String
    }

    /// Thrown by the number readers after they flagged the field; the form just stops.
    struct UnreadableNumber: Error {}

    /// The core's latest view model.
    @Published private(set) var view = Core.emptyView
    /// The last today screen the core sent; the Today and Goals tabs render it.
    @Published private(set) var today: TodayScreen?
    /// The last summary screen the core sent.
    @Published private(set) var summary: SummaryScreen?
    /// Messages under form fields, keyed by the core's field name.
    @Published private(set) var fieldErrors: [String: String] = [:]
    /// A message for the whole app (device full, keychain unavailable, …); the user dismisses it.
    @Published var banner: String?
    /// True once the diary is open.
    @Published private(set) var isOpen = false
    /// Why the diary could not be opened, shown instead of the tabs with a "Try again" button.
    @Published private(set) var openFailure: String?

    private let keys: KeyProvider
    private var diary: SteadyDiary?
    /// Substance names logged while the app was open: the dose form's search list (memory only).
    private var recentDrugs: [String] = []

    init(keys: KeyProvider = KeychainKeyProvider()) {
        self.keys = keys
    }

    // MARK: Lifecycle

    /// Opens the diary if it is not open (scene became active, or "Try again").
    func resume() {
        if diary == nil {
            openDiary()
        } else {
            send(.refresh)
        }
    }

    /// Closes the diary; dropping the object closes the encrypted file. A summary being shared is
    /// left for the receiving app (it is unreadable while locked) and removed on the next opening.
    func suspend() {
        // Lock first: the core wipes its keys and drops every decrypted entry even if another
        // reference to the object is still alive.
        try? diary?.lock()
        diary = nil
        isOpen = false
    }

    private func openDiary() {
        Core.assertMain()
        do {
            let directory = try DataDirectory.prepare()
            let opened = try SteadyDiary.open(dataDir: directory.path, keys: keys)
            diary = opened
            isOpen = true
            openFailure = nil
            ShareFolder.clear()
            apply(try opened.view())
        } catch let error as SteadyError {
            openFailure = Core.message(for: error).text
        } catch {
            openFailure = "The diary folder could not be prepared. Restart the phone and try again."
        }
    }

    // MARK: Events

    /// Sends one event to the core. Returns true when the core accepted it, so a form can reset.
    @discardableResult
    func send(_ event: UserEvent) -> Bool {
        Core.assertMain()
        guard let diary = diary else {
            return false
        }
        do {
            let next = try diary.send(event: event)
            let accepted = apply(next)
            if accepted {
                remember(event)
            }
            return accepted
        } catch let error as SteadyError {
            present(error)
            return false
        } catch {
            banner = Core.internalMessage
            return false
        }
    }

    /// Builds a summary file and writes it, protected, to a private folder for the share sheet.
    func exportSummary(from: Date, to: Date, format: SummaryFormat) -> URL? {
        guard let diary = diary else {
            return nil
        }
        do {
            let request = SummaryRequest(from: Dates.day(from), to: Dates.day(to), format: format, table: nil)
            let file = try diary.summary(request: request)
            return try ShareFolder.write(file)
        } catch let error as SteadyError {
            present(error)
            return nil
        } catch {
            banner = "The summary file could not be written. Nothing was shared."
            return nil
        }
    }

    /// Deletes summary files handed to the share sheet.
    func discardSharedFiles() {
        ShareFolder.clear()
    }

    // MARK: Forms

    /// Clears the message under one field (the user is editing it) or all of them.
    func clearError(_ field: String? = nil) {
        if let field = field {
            fieldErrors[field] = nil
        } else {
            fieldErrors = [:]
        }
    }

    /// Reads a decimal typed with either separator ("1,5" or "1.5"). Empty gives nil; text that is
    /// not a number flags the field and throws.
    func number(_ text: String, field: String) throws -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return nil
        }
        if let value = Numbers.parse(trimmed) {
            return value
        }
        fieldErrors[field] = "Enter a number, for example 2 or 0.5."
        throw UnreadableNumber()
    }

    /// Reads a whole number; like `number(_:field:)`.
    func integer(_ text: String, field: String) throws -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return nil
        }
        if let value = Int64(trimmed) {
            return value
        }
        fieldErrors[field] = "Enter a whole number."
        throw UnreadableNumber()
    }

    /// Names for the dose form's search list: substances already in the diary today and names
    /// logged since the app opened. The core itself resolves any molecule or brand name typed.
    func drugSuggestions(matching query: String) -> [String] {
        var names = recentDrugs
        for dose in today?.doses ?? [] where !names.contains(dose.substance) {
            names.append(dose.substance)
        }
        let needle = query.trimmingCharacters(in: .whitespaces)
        if needle.isEmpty {
            return Array(names.prefix(5))
        }
        return names
            .filter { $0.localizedCaseInsensitiveContains(needle) && $0.caseInsensitiveCompare(needle) != .orderedSame }
            .prefix(5)
            .map { $0 }
    }

    // MARK: Internals

    /// Publishes a view; returns false when its notice says the event was refused.
    @discardableResult
    private func apply(_ next: AppView) -> Bool {
        view = next
        switch next.screen {
        case .today(let screen):
            today = screen
        case .summary(let screen):
            summary = screen
        default:
            // Pages this shell does not show yet (history, plan) and loading.
            break
        }
        guard let notice = next.notice else {
            return true
        }
        switch notice {
        case .saved, .deleted:
            fieldErrors = [:]
            return true
        case .rejected(let error), .failed(let error):
            present(error)
            return false
        }
    }

    private func remember(_ event: UserEvent) {
        guard case .log(let entry) = event, case .dose(let dose) = entry else {
            return
        }
        let name = dose.drug.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty && !recentDrugs.contains(name) {
            recentDrugs.insert(name, at: 0)
        }
    }

    private func present(_ error: SteadyError) {
        let message = Core.message(for: error)
        if let field = message.field {
            fieldErrors[field] = message.text
        } else {
            banner = message.text
        }
    }

    private static func assertMain() {
        assert(Thread.isMainThread, "Core is used from the main thread only")
    }

    static let internalMessage = "Something went wrong inside Steady. Nothing was saved."

    /// The user-facing text for each error. Field errors keep the core's wording ("must be greater
    /// than zero") under the field it names; the others explain what happened to the data.
    static func message(for error: SteadyError) -> UserMessage {
        switch error {
        case .InvalidInput(let field, let message):
            let sentence = message.prefix(1).uppercased() + String(message.dropFirst())
            return UserMessage(field: field, text: sentence + ".")
        case .WrongKey:
            return UserMessage(
                field: nil,
                text: "The key stored on this iPhone does not open this diary. Nothing was changed or deleted.")
        case .Tampered:
            return UserMessage(
                field: nil,
                text: "One entry is damaged and is not shown. The rest of the diary is intact.")
        case .Corrupt:
            return UserMessage(
                field: nil,
                text: "The diary file is damaged. Nothing was changed; export what you can and contact support.")
        case .DiskFull:
            return UserMessage(
                field: nil,
                text: "The iPhone is full, so the entry was not saved. Earlier entries are intact.")
        case .Locked:
            return UserMessage(field: nil, text: "The diary is locked. Unlock it to go on.")
        case .WrongPassphrase:
            return UserMessage(
                field: nil, text: "That backup passphrase does not open this backup. Nothing was imported.")
        case .BadBackup:
            return UserMessage(field: nil, text: "This backup file cannot be used. Nothing was imported.")
        case .Storage:
            return UserMessage(field: nil, text: "The diary could not be saved. Please try again.")
        case .KeyProvider:
            return UserMessage(
                field: nil,
                text: "The iPhone's keychain is not available. Unlock the iPhone and try again.")
        case .Internal:
            return UserMessage(field: nil, text: internalMessage)
        }
    }

    private static let emptyView = AppView(
        screen: .loading, notice: nil, damagedIds: [], entryCount: 0, table: .ashton)
}

/// The private folder holding the one summary file being shared (complete file protection); emptied
/// on every export, when the share screen closes and when the diary is opened, so no copy lingers.
enum ShareFolder {
    static var url: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("Share", isDirectory: true)
    }

    static func write(_ file: SummaryFile) throws -> URL {
        clear()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // The name comes from the core; keep only its last component.
        let name = (file.fileName as NSString).lastPathComponent
        let target = url.appendingPathComponent(name.isEmpty ? "steady-summary" : name, isDirectory: false)
        try file.bytes.write(to: target, options: [.atomic, .completeFileProtection])
        return target
    }

    static func clear() {
        try? FileManager.default.removeItem(at: url)
    }
}
