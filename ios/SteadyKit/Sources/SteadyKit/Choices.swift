import Foundation
import SteadyCore

// The core's enums as lists and the keys its form choices use (`Choice.key`), so a picked choice
// becomes the typed value the draft needs. The keys are the core's own (`Keyed::key`); a test checks
// that every choice of every form maps, so a renamed key fails CI instead of a form.

public enum Languages {
    public static let all: [Lang] = [.en, .fr, .nl, .nb]

    public static func key(_ lang: Lang) -> String {
        switch lang {
        case .en: return "en"
        case .fr: return "fr"
        case .nl: return "nl"
        case .nb: return "nb"
        }
    }

    public static func lang(key: String) -> Lang? {
        all.first { Self.key($0) == key }
    }

    /// The locale used to format numbers and dates the way the core's texts do.
    public static func localeIdentifier(_ lang: Lang) -> String {
        switch lang {
        case .en: return "en_GB"
        case .fr: return "fr_FR"
        case .nl: return "nl_NL"
        case .nb: return "nb_NO"
        }
    }

    /// The core's language for a device language code ("fr-BE" → fr), English otherwise.
    public static func lang(deviceLanguage code: String) -> Lang {
        let base = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        switch base {
        case "fr": return .fr
        case "nl": return .nl
        case "nb", "no", "nn": return .nb
        default: return .en
        }
    }
}

public enum ExportFormats {
    /// The formats a patient picks from, PDF first (the one a clinician reads).
    public static let all: [ExportFormat] = [.pdf, .text, .csv, .fhir, .json]
}

public enum Sections {
    /// What a patient may leave out of a summary.
    public static let all: [Hideable] = [.nonPrescribed, .notes, .sleep, .anxiety, .goals, .plan, .questions]
}

public enum Tables {
    public static let all: [EquivalenceTable] = [.ashton, .vaDod, .dutch, .norwegian]

    public static func key(_ table: EquivalenceTable) -> String {
        switch table {
        case .ashton: return "ashton"
        case .vaDod: return "va_dod"
        case .dutch: return "dutch"
        case .norwegian: return "norwegian"
        }
    }

    public static func table(key: String) -> EquivalenceTable? {
        all.first { Self.key($0) == key }
    }
}

public enum EntryKinds {
    /// What the Log screen offers, in that order (medicines and skips have their own screens).
    public static let loggable: [EntryKind] = [.dose, .sleep, .anxiety, .gad7, .goal, .review, .plan, .question]
    /// Every kind with a form.
    public static let withForm: [EntryKind] = loggable + [.medicine, .skip]
}

/// Choice keys of the core's pick fields.
enum ChoiceKeys {
    static func goalType(_ key: String) -> GoalType? {
        switch key {
        case "stop": return .stop
        case "reduce": return .reduce
        case "stable": return .stable
        case "keep": return .keep
        default: return nil
        }
    }

    static func key(_ goalType: GoalType) -> String {
        switch goalType {
        case .stop: return "stop"
        case .reduce: return "reduce"
        case .stable: return "stable"
        case .keep: return "keep"
        }
    }

    static func proposer(_ key: String) -> Proposer? {
        switch key {
        case "patient": return .patient
        case "clinician": return .clinician
        case "together": return .together
        default: return nil
        }
    }

    static func key(_ proposer: Proposer) -> String {
        switch proposer {
        case .patient: return "patient"
        case .clinician: return "clinician"
        case .together: return "together"
        }
    }

    static func decision(_ key: String) -> ReviewDecision? {
        switch key {
        case "keep": return .keep
        case "adjust": return .adjust
        case "change": return .change
        default: return nil
        }
    }

    static func key(_ decision: ReviewDecision) -> String {
        switch decision {
        case .keep: return "keep"
        case .adjust: return "adjust"
        case .change: return "change"
        }
    }

    static func split(_ key: String) -> Split? {
        switch key {
        case "whole": return .whole
        case "half": return .half
        case "quarter": return .quarter
        default: return nil
        }
    }

    static func key(_ split: Split) -> String {
        switch split {
        case .whole: return "whole"
        case .half: return "half"
        case .quarter: return "quarter"
        }
    }

    static func pace(_ key: String) -> Pace? {
        switch key {
        case "gentle": return .gentle
        case "standard": return .standard
        default: return nil
        }
    }

    static func key(_ pace: Pace) -> String {
        switch pace {
        case .gentle: return "gentle"
        case .standard: return "standard"
        }
    }

    /// Whether `key` is a valid key for `field`'s pick (whole numbers for the sleep quality and the
    /// goal attainment scale).
    static func isKnown(_ key: String, for field: Field) -> Bool {
        switch field {
        case .kind: return goalType(key) != nil
        case .proposedBy: return proposer(key) != nil
        case .decision: return decision(key) != nil
        case .split: return split(key) != nil
        case .pace: return pace(key) != nil
        case .switchTable: return Tables.table(key: key) != nil
        case .quality, .gas: return Int64(key) != nil
        default: return false
        }
    }
}
