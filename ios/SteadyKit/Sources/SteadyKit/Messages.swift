import Foundation
import SteadyCore

/// A message for the patient: its text (the core's words) and where it goes.
public struct UserMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Something done: "Logged diazepam 5 mg at 08:00", "Backup saved."
        case info
        /// Refused or failed; nothing was written.
        case problem
    }

    public let kind: Kind
    public let text: String
    /// The form field the message belongs under, when a value was refused.
    public let field: Field?
    /// An entry the patient can undo (delete) from the message, e.g. a one-step "Taken".
    public let undoId: EntryId?

    public init(kind: Kind, text: String, field: Field? = nil, undoId: EntryId? = nil) {
        self.kind = kind
        self.text = text
        self.field = field
        self.undoId = undoId
    }

    public static func info(_ text: String, undo: EntryId? = nil) -> UserMessage {
        UserMessage(kind: .info, text: text, undoId: undo)
    }
}

/// What an error means for the app, beyond its words.
public enum ErrorMeaning: Equatable, Sendable {
    /// A refused value: show `detail` under `field`; nothing was written.
    case invalid(field: Field)
    /// The diary is locked (came back from the background): unlock, then retry.
    case locked
    /// The key does not open the diary: the lost-key path.
    case wrongKey
    /// The diary file is damaged: offer recovery.
    case damaged
    /// A single record is damaged; the rest is fine.
    case tampered
    /// Another app or window changed the key since the diary was opened: open it again.
    case reopen
    /// The key store failed (device locked, or the key is gone).
    case keyStore
    /// Anything else: say it, keep going.
    case other
}

public enum Messages {
    public static func meaning(of error: SteadyError) -> ErrorMeaning {
        switch error {
        case .InvalidInput(let field, _, _): return .invalid(field: field)
        case .Locked: return .locked
        case .WrongKey: return .wrongKey
        case .Corrupt, .KeyDamaged, .RolledBack: return .damaged
        case .KeyChanged: return .reopen
        case .Tampered: return .tampered
        case .KeyProvider: return .keyStore
        case .WrongPassphrase, .BadBackup, .DiskFull, .Storage, .Internal: return .other
        }
    }

    /// The patient's words for `error`: a refusal's `detail` (already in the patient's language),
    /// anything else through the core's `errorMessage` in `language`. Never the technical detail of
    /// a storage or key error.
    public static func message(for error: Error, language: Lang) -> UserMessage {
        guard let error = error as? SteadyError else {
            return UserMessage(kind: .problem, text: errorMessage(error: .Internal(detail: ""), lang: language))
        }
        switch error {
        case .InvalidInput(let field, _, let detail):
            return UserMessage(kind: .problem, text: detail, field: field)
        default:
            return UserMessage(kind: .problem, text: errorMessage(error: error, lang: language))
        }
    }

    /// A refusal of `problem` in `field`, worded by the core (for checks the app makes before
    /// calling it: an empty required field, a number that does not parse).
    public static func refusal(field: Field, problem: Problem, language: Lang) -> UserMessage {
        let text = errorMessage(error: .InvalidInput(field: field, problem: problem, detail: ""), lang: language)
        return UserMessage(kind: .problem, text: text, field: field)
    }
}
