import Foundation
import SteadyCore
import XCTest

@testable import SteadyKit

/// The key provider's decisions over a secret store, and through the real library.
final class KeyProviderTests: XCTestCase {
    private var dir: TempDir!

    override func setUp() {
        dir = TempDir()
    }

    override func tearDown() {
        dir.remove()
    }

    func testANewDiaryGetsARandomKeyStoredOnceAndReadAfterwards() throws {
        let store = MemorySecretStore()
        let provider = DiaryKeyProvider(store: store, random: TestRandom(), diaryExists: { false })
        let first = try provider.getOrCreateKey()
        XCTAssertEqual(first.count, 32)
        XCTAssertEqual(store.stored, first)
        XCTAssertTrue(provider.createdKey)
        XCTAssertEqual(try provider.getOrCreateKey(), first)
        XCTAssertEqual(store.adds, 1)
        XCTAssertNil(provider.lastProblem)
        XCTAssertNotEqual(try DiaryKeyProvider(store: MemorySecretStore(), random: TestRandom(), diaryExists: { false }).getOrCreateKey(), first)
    }

    func testAnExistingDiaryWithoutItsKeyIsALostKeyNeverANewKey() throws {
        let store = MemorySecretStore()
        let provider = DiaryKeyProvider(store: store, random: TestRandom(), diaryExists: { true })
        guard case .KeyProvider? = thrown({ try provider.getOrCreateKey() }) else { return XCTFail("refused") }
        XCTAssertEqual(provider.lastProblem, .missing)
        XCTAssertNil(store.stored, "no key was made")
        XCTAssertFalse(provider.createdKey)
    }

    func testAStoredKeyOfTheWrongSizeIsReportedAndKept() throws {
        let store = MemorySecretStore(secret: Data(repeating: 1, count: 16))
        let provider = DiaryKeyProvider(store: store, random: TestRandom(), diaryExists: { true })
        guard case .KeyProvider(let detail)? = thrown({ try provider.getOrCreateKey() }) else { return XCTFail("refused") }
        XCTAssertTrue(detail.contains("16"), detail)
        XCTAssertEqual(provider.lastProblem, .wrongSize(16))
        XCTAssertEqual(store.stored, Data(repeating: 1, count: 16), "never replaced")
    }

    func testALockedDeviceIsATransientProblemAndTheNextCallWorks() throws {
        let key = randomKey()
        let store = MemorySecretStore(secret: key)
        store.failNextRead(with: .deviceLocked)
        let provider = DiaryKeyProvider(store: store, random: TestRandom(), diaryExists: { true })
        XCTAssertNotNil(thrown { try provider.getOrCreateKey() })
        XCTAssertEqual(provider.lastProblem, .deviceLocked)
        XCTAssertEqual(try provider.getOrCreateKey(), key)
        XCTAssertNil(provider.lastProblem)
        store.failNextRead(with: .failed(status: -34018))
        XCTAssertNotNil(thrown { try provider.getOrCreateKey() })
        XCTAssertEqual(provider.lastProblem, .storeFailed(status: -34018))
    }

    func testTheProviderOpensTheRealDiaryAndALostItemIsDetectedByTheCoreCall() throws {
        let dataDir = dir.url.appendingPathComponent("diary")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        let store = MemorySecretStore()
        let provider = DiaryKeyProvider(store: store, random: TestRandom(), diaryExists: { diaryExists(dataDir: dataDir.path) })
        do {
            let diary = try SteadyDiary.open(dataDir: dataDir.path, keys: provider)
            _ = try diary.log(entry: dose("diazepam", mg: 5))
        }
        XCTAssertEqual(try SteadyDiary.open(dataDir: dataDir.path, keys: provider).status().entryCount, 1)
        store.lose()
        guard case .KeyProvider? = thrown({ try SteadyDiary.open(dataDir: dataDir.path, keys: provider) }) else {
            return XCTFail("a lost key does not open")
        }
        XCTAssertEqual(provider.lastProblem, .missing)
        XCTAssertNil(store.stored)
        XCTAssertTrue(diaryExists(dataDir: dataDir.path), "the diary is untouched")
    }

    func testConcurrentCallsGetTheSameKey() throws {
        let store = MemorySecretStore()
        let provider = DiaryKeyProvider(store: store, random: TestRandom(), diaryExists: { false })
        let seen = Collected()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            seen.add(try? provider.getOrCreateKey())
        }
        XCTAssertEqual(seen.all.count, 16)
        XCTAssertEqual(Set(seen.all).count, 1)
        XCTAssertNotNil(seen.all.first ?? nil)
        XCTAssertEqual(store.adds, 1)
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Data?] = []

    func add(_ item: Data?) {
        lock.withLock { items.append(item) }
    }

    var all: [Data?] {
        lock.withLock { items }
    }
}
