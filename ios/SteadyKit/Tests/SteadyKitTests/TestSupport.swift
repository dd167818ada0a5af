import Foundation
import SteadyCore
import XCTest

@testable import SteadyKit

// In-memory stand-ins for the platform seams (Keychain, LocalAuthentication, UserNotifications,
// UserDefaults, the clock). The diary itself is always the real library.

/// A Keychain item in memory, with failures on demand.
final class MemorySecretStore: SecretStore, @unchecked Sendable {
    private let lock = NSLock()
    private var secret: Data?
    private var failNextRead: SecretStoreError?
    private(set) var reads = 0
    private(set) var adds = 0

    init(secret: Data? = nil) {
        self.secret = secret
    }

    var stored: Data? {
        lock.lock()
        defer { lock.unlock() }
        return secret
    }

    func failNextRead(with error: SecretStoreError) {
        lock.lock()
        defer { lock.unlock() }
        failNextRead = error
    }

    /// The item disappears (the passcode was removed, the phone was restored elsewhere).
    func lose() {
        lock.lock()
        defer { lock.unlock() }
        secret = nil
    }

    func replace(with data: Data) {
        lock.lock()
        defer { lock.unlock() }
        secret = data
    }

    func read() throws -> Data? {
        lock.lock()
        defer { lock.unlock() }
        reads += 1
        if let error = failNextRead {
            failNextRead = nil
            throw error
        }
        return secret
    }

    func add(_ secret: Data) throws {
        lock.lock()
        defer { lock.unlock() }
        guard self.secret == nil else { throw SecretStoreError.failed(status: -25299) }
        adds += 1
        self.secret = secret
    }

    func delete() throws {
        lock.lock()
        defer { lock.unlock() }
        secret = nil
    }
}

/// The generation counter (a second Keychain item in the app), in memory.
final class MemoryCounterStore: CounterStore, @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64?

    func read() -> UInt64? {
        lock.withLock { value }
    }

    func write(_ value: UInt64) {
        lock.withLock { self.value = value }
    }

    func delete() {
        lock.withLock { value = nil }
    }
}

/// Random bytes from the system generator (cryptographically secure on Linux and Apple).
struct TestRandom: RandomSource {
    func bytes(count: Int) throws -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}

func randomKey() -> Data {
    try! TestRandom().bytes(count: 32)
}

/// Face ID that answers as scripted and remembers what it was asked.
final class ScriptedAuthenticator: DeviceAuthenticator, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [AuthenticationResult]
    private var reasonsAsked: [String] = []
    private let available: Bool

    init(answers: [AuthenticationResult] = [], available: Bool = true) {
        self.answers = answers
        self.available = available
    }

    var reasons: [String] {
        lock.lock()
        defer { lock.unlock() }
        return reasonsAsked
    }

    func willAnswer(_ result: AuthenticationResult) {
        lock.lock()
        defer { lock.unlock() }
        answers.append(result)
    }

    func canAuthenticate() -> Bool { available }

    func authenticate(reason: String) async -> AuthenticationResult {
        lock.withLock {
            reasonsAsked.append(reason)
            return answers.isEmpty ? .failed : answers.removeFirst()
        }
    }
}

/// The notification centre, in memory.
final class FakeNotificationCenter: NotificationCenterClient, @unchecked Sendable {
    private let lock = NSLock()
    private var granted: NotificationPermission
    private var requests: [String: NotificationRequest] = [:]
    private var registered: [NotificationCategory] = []
    private var addCount = 0
    private var removeCount = 0

    init(permission: NotificationPermission = .allowed) {
        granted = permission
    }

    var scheduled: [NotificationRequest] {
        lock.lock()
        defer { lock.unlock() }
        return requests.values.sorted { ($0.fireDate, $0.id) < ($1.fireDate, $1.id) }
    }

    var categories: [NotificationCategory] {
        lock.lock()
        defer { lock.unlock() }
        return registered
    }

    func permission() async -> NotificationPermission {
        lock.withLock { granted }
    }

    func requestPermission() async -> Bool {
        lock.withLock {
            if granted == .notAsked { granted = .allowed }
            return granted == .allowed
        }
    }

    func pending() async -> [PendingNotification] {
        lock.withLock {
            requests.values.map {
                PendingNotification(id: $0.id, fireDate: $0.fireDate, title: $0.title, body: $0.body, category: $0.category)
            }
        }
    }

    func add(_ request: NotificationRequest) async throws {
        lock.withLock {
            addCount += 1
            requests[request.id] = request
        }
    }

    func removePending(ids: [String]) async {
        lock.withLock {
            removeCount += ids.count
            for id in ids { requests[id] = nil }
        }
    }

    func setCategories(_ categories: [NotificationCategory]) async {
        lock.withLock { registered = categories }
    }
}

final class MemoryPreferences: PreferenceStore, @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    func string(forKey key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    func set(_ value: String?, forKey key: String) {
        lock.lock()
        defer { lock.unlock() }
        values[key] = value
    }
}

final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date()) {
        current = start
    }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}

/// A fresh directory under the system's temporary folder, deleted by `tearDown`.
final class TempDir: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("steadykit-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func sub(_ name: String) -> URL {
        let dir = url.appendingPathComponent(name, isDirectory: true)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Everything a model test needs, with handles on the fakes.
@MainActor
final class Rig {
    let dir = TempDir()
    let secrets: MemorySecretStore
    let auth: ScriptedAuthenticator
    let center: FakeNotificationCenter
    let prefs = MemoryPreferences()
    let counter = MemoryCounterStore()
    let clock = ManualClock()
    let deviceLanguage: String
    private(set) lazy var model = makeModel()

    init(
        secrets: MemorySecretStore = MemorySecretStore(), auth: ScriptedAuthenticator = ScriptedAuthenticator(),
        center: FakeNotificationCenter = FakeNotificationCenter(), deviceLanguage: String = "en-GB"
    ) {
        self.secrets = secrets
        self.auth = auth
        self.center = center
        self.deviceLanguage = deviceLanguage
    }

    var dataDir: URL { dir.url.appendingPathComponent("Diary", isDirectory: true) }

    /// A model over the same files, fakes and preferences (the app started again).
    func makeModel() -> DiaryModel {
        DiaryModel(
            environment: DiaryEnvironment(
                dataDirectory: dataDir, scratchDirectory: dir.sub("scratch"), exportDirectory: dir.sub("exports"),
                secrets: secrets, generations: counter, random: TestRandom(), authenticator: auth, notifications: center,
                preferences: prefs, clock: clock, deviceLanguage: deviceLanguage))
    }

    /// The app started again: the old model (and its diary) is released, a new one made.
    func restart() -> DiaryModel {
        model = makeModel()
        return model
    }

    /// A started model with an open diary.
    func opened() async -> DiaryModel {
        await model.start()
        XCTAssertEqual(model.phase, .open, "the diary opened")
        return model
    }

    deinit {
        dir.remove()
    }
}

/// Opens the real diary in `dir` with `key`.
func openDiary(_ dir: URL, key: Data) throws -> SteadyDiary {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return try SteadyDiary.open(dataDir: dir.path, keys: MemoryKeyProvider(key: key))
}

func dose(
    _ drug: String, mg: Double? = nil, tablets: Double? = nil, strengthMg: Double? = nil,
    nonPrescribed: Bool = false, at: LocalInstant? = nil, note: String? = nil
) -> EntryDraft {
    .dose(
        DoseDraft(
            takenAt: at, drug: drug, mg: mg, tablets: tablets, strengthMg: strengthMg, nonPrescribed: nonPrescribed,
            note: note))
}

/// The core's today as a calendar day.
func coreToday(_ diary: SteadyDiary) throws -> Date {
    try XCTUnwrap(CoreValues.date(fromDay: try diary.today().date))
}

/// An RFC 3339 instant `daysAgo` days before the core's today, at `hour`:`minute` local time.
func instant(_ diary: SteadyDiary, daysAgo: Int, hour: Int, minute: Int = 0) throws -> LocalInstant {
    let day = try coreToday(diary)
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = .current
    let shifted = cal.date(byAdding: .day, value: -daysAgo, to: day)!
    let at = cal.date(bySettingHour: hour, minute: minute, second: 0, of: shifted)!
    return CoreValues.instant(at)
}

func dayString(_ diary: SteadyDiary, daysFromToday: Int) throws -> NaiveDate {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = .current
    return CoreValues.day(cal.date(byAdding: .day, value: daysFromToday, to: try coreToday(diary))!)
}

/// The error a call threw, failing the test when it threw nothing.
func thrown<T>(_ call: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> SteadyError? {
    do {
        _ = try call()
        XCTFail("expected an error", file: file, line: line)
        return nil
    } catch let error as SteadyError {
        return error
    } catch {
        XCTFail("expected a SteadyError, got \(error)", file: file, line: line)
        return nil
    }
}

func text(_ file: ExportFile) -> String {
    String(decoding: file.bytes, as: UTF8.self)
}
