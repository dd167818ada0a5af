import Foundation
import SteadyCore
import XCTest

@testable import SteadyKit

/// Files for the share sheet and backups from the document picker.
final class ExportFileTests: XCTestCase {
    private var dir: TempDir!

    override func setUp() {
        dir = TempDir()
    }

    override func tearDown() {
        dir.remove()
    }

    func testACoreFileIsWrittenUnderASafeNameAndTheFolderHoldsOnlyTheLatest() throws {
        let store = ExportFileStore(folder: dir.url.appendingPathComponent("exports"))
        let pdf = ExportFile(bytes: Data("%PDF-1.7 …".utf8), mimeType: "application/pdf", fileName: "steady-summary-2026-01-01-2026-02-25.pdf")
        let first = try store.write(pdf)
        XCTAssertEqual(first.url.lastPathComponent, pdf.fileName)
        XCTAssertEqual(try Data(contentsOf: first.url), pdf.bytes)
        XCTAssertEqual(first.typeIdentifier, "com.adobe.pdf")
        XCTAssertEqual(first.byteCount, pdf.bytes.count)

        let csv = ExportFile(bytes: Data("a,b\r\n".utf8), mimeType: "text/csv; charset=utf-8", fileName: "../../etc/passwd")
        let second = try store.write(csv)
        XCTAssertEqual(second.url.deletingLastPathComponent().standardizedFileURL.path, store.folder.standardizedFileURL.path)
        XCTAssertEqual(second.url.lastPathComponent, "passwd")
        XCTAssertEqual(store.files().map(\.lastPathComponent), ["passwd"], "the earlier export was deleted")
        try store.clear()
        XCTAssertTrue(store.files().isEmpty)
    }

    func testNamesAreMadeSafeAndTypesFollowTheMimeType() {
        XCTAssertEqual(ExportFileStore.safeName(".hidden"), "hidden")
        XCTAssertEqual(ExportFileStore.safeName("a/b\\c:d.txt"), "c_d.txt")
        XCTAssertEqual(ExportFileStore.safeName(""), "steady")
        XCTAssertEqual(ExportFileStore.safeName("line\nbreak.csv"), "line_break.csv")
        let long = ExportFileStore.safeName(String(repeating: "x", count: 300) + ".fhir.json")
        XCTAssertEqual(long.count, 120)
        XCTAssertTrue(long.hasSuffix(".json"))
        XCTAssertEqual(ExportFileStore.typeIdentifier(mimeType: "text/plain; charset=utf-8", name: "s.txt"), "public.plain-text")
        XCTAssertEqual(ExportFileStore.typeIdentifier(mimeType: "application/fhir+json", name: "s.fhir.json"), "public.json")
        XCTAssertEqual(ExportFileStore.typeIdentifier(mimeType: "text/calendar; charset=utf-8", name: "p.ics"), "com.apple.ical.ics")
        XCTAssertEqual(ExportFileStore.typeIdentifier(mimeType: "application/octet-stream", name: "b.steadybackup"), "public.data")
    }

    func testABackupFileRoundTripsThroughTheFolderAndAnOversizedFileIsRefusedUnread() throws {
        let diary = try openDiary(dir.url.appendingPathComponent("d"), key: randomKey())
        _ = try diary.log(entry: dose("diazepam", mg: 5))
        let backup = try diary.backup(passphrase: "granite meadow falcon 77")
        let store = ExportFileStore(folder: dir.url.appendingPathComponent("exports"))
        let shared = try store.write(backup.file)
        let read = try ExportFileStore.readBackup(at: shared.url)
        XCTAssertEqual(read, backup.file.bytes)
        let fresh = try openDiary(dir.url.appendingPathComponent("fresh"), key: randomKey())
        XCTAssertEqual(try fresh.restore(file: read, passphrase: "granite meadow falcon 77").added, 1)

        let big = dir.url.appendingPathComponent("big.steadybackup")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(ExportFileStore.maxBackupBytes + 1))
        try handle.close()
        guard case .BadBackup? = thrown({ try ExportFileStore.readBackup(at: big) }) else { return XCTFail("too big") }
        guard case .BadBackup? = thrown({ try ExportFileStore.readBackup(at: dir.url) }) else { return XCTFail("a folder") }
    }
}
