import Foundation
import SteadyCore
import XCTest

@testable import SteadyKit

/// Every word the app shows comes from the core, in each of its languages.
final class WordsTests: XCTestCase {
    private var dir: TempDir!

    override func setUp() {
        dir = TempDir()
    }

    override func tearDown() {
        dir.remove()
    }

    func testEveryWordExistsInEveryLanguageAndDiffersFromEnglish() throws {
        let diary = try openDiary(dir.url.appendingPathComponent("d"), key: randomKey())
        var byLanguage: [Lang: Words] = [:]
        for lang in Languages.all {
            _ = try diary.changeSetting(change: .language(language: lang))
            let words = try Words.load(from: diary)
            XCTAssertEqual(words.language, lang)
            let all = Mirror(reflecting: words.labels).children.compactMap { $0.value as? String }
            XCTAssertGreaterThan(all.count, 70)
            XCTAssertTrue(all.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(lang)")
            for section in Sections.all {
                XCTAssertFalse(words.sectionName(section).isEmpty)
            }
            XCTAssertEqual(Set(Sections.all.map(words.sectionName)).count, Sections.all.count, "seven distinct section names")
            XCTAssertEqual(Set(Tables.all.map(words.tableName)).count, 4)
            XCTAssertEqual(Set(ExportFormats.all.map(words.formatName)).count, 5)
            XCTAssertTrue(words.dayStartCaption.contains("12:00"), words.dayStartCaption)
            for kind in EntryKinds.loggable {
                XCTAssertFalse(words.action(for: kind).isEmpty)
            }
            byLanguage[lang] = words
        }
        let en = try XCTUnwrap(byLanguage[.en])
        XCTAssertEqual(en.labels.actionTaken, "Taken")
        XCTAssertEqual(en.tableName(.ashton), "Ashton Manual")
        for lang in [Lang.fr, .nl, .nb] {
            let other = try XCTUnwrap(byLanguage[lang])
            XCTAssertNotEqual(other.labels.actionTaken, en.labels.actionTaken, "\(lang)")
            XCTAssertNotEqual(other.labels.screenToday, en.labels.screenToday, "\(lang)")
            XCTAssertNotEqual(other.sectionName(.sleep), en.sectionName(.sleep), "\(lang)")
            XCTAssertNotEqual(other.dayStartCaption, en.dayStartCaption, "\(lang)")
        }
        // Language names are each in their own language, the same whatever the patient's.
        XCTAssertEqual(Set(Languages.all.map(en.languageName)).count, 4)
        XCTAssertEqual(Languages.all.map(en.languageName), Languages.all.map(byLanguage[.nb]!.languageName))
    }

    func testWordsBeforeADiaryOpensEqualThoseOfAnOpenDiaryAndLeaveNothingBehind() throws {
        let scratch = dir.sub("scratch")
        for lang in [Lang.en, .fr] {
            let standalone = try Words.standalone(language: lang, scratch: scratch)
            let diary = try openDiary(dir.url.appendingPathComponent("d-\(Languages.key(lang))"), key: randomKey())
            _ = try diary.changeSetting(change: .language(language: lang))
            XCTAssertEqual(standalone, try Words.load(from: diary))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "the throw-away diary is gone")
    }

    func testTheEraseConfirmationTokenIsTheOneEveryLanguageAsksFor() throws {
        let scratch = dir.sub("scratch")
        for lang in Languages.all {
            let words = try Words.standalone(language: lang, scratch: scratch)
            XCTAssertTrue(words.labels.actionEraseConfirm.contains(EraseConfirmation.token), words.labels.actionEraseConfirm)
        }
        XCTAssertTrue(EraseConfirmation.matches(" erase "))
        XCTAssertFalse(EraseConfirmation.matches("EFFACER"))
        XCTAssertFalse(EraseConfirmation.matches(""))
    }

    func testNumbersAndRangesAreWrittenTheWayTheCoreWritesThem() throws {
        let scratch = dir.sub("scratch")
        let en = try Words.standalone(language: .en, scratch: scratch)
        let nb = try Words.standalone(language: .nb, scratch: scratch)
        XCTAssertEqual(en.mg(2.5), "2.5 mg")
        XCTAssertEqual(nb.mg(2.5), "2,5 mg")
        XCTAssertEqual(en.mgRange(low: 7.5, high: 15), "7.5–15 mg")
        XCTAssertEqual(en.mgRange(low: 10, high: 10), "10 mg")
        XCTAssertEqual(Languages.lang(deviceLanguage: "fr-BE"), .fr)
        XCTAssertEqual(Languages.lang(deviceLanguage: "nn_NO"), .nb)
        XCTAssertEqual(Languages.lang(deviceLanguage: "de-DE"), .en)
        XCTAssertEqual(CoreValues.date(fromDay: "2026-02-30"), nil)
        let brussels = try XCTUnwrap(TimeZone(identifier: "Europe/Brussels"))
        // The day the clocks go forward: noon exists, and has the summer offset.
        let day = try XCTUnwrap(CoreValues.date(fromDay: "2026-03-29", timeZone: brussels))
        XCTAssertEqual(CoreValues.day(day, timeZone: brussels), "2026-03-29")
        let instant = CoreValues.instant(day, timeZone: brussels)
        XCTAssertEqual(instant, "2026-03-29T12:00:00+02:00")
        XCTAssertEqual(CoreValues.date(fromInstant: instant), day)
    }
}
