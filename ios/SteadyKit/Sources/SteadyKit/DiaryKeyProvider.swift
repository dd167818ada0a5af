import Foundation
import SteadyCore

/// What went wrong the last time the core asked for the key.
public enum KeyProblem: Error, Equatable, Sendable {
    /// A diary exists but its key is gone (the Keychain item was deleted or invalidated, or the
    /// diary came from another phone): restore a backup or erase, never a new key.
    case missing
    /// The stored key is not 32 bytes; it is reported and never replaced.
    case wrongSize(Int)
    /// The device is locked; try again once it is unlocked.
    case deviceLocked
    /// The secret store or the random generator failed.
    case storeFailed(status: Int32)
}

/// The core's `KeyProvider` over a `SecretStore`: returns the stored 32-byte key, and creates a
/// random one only when there is no diary yet. When a diary exists and the key is missing it never
/// makes a new key (that would only produce `WrongKey` and hide the real problem): it throws and
/// remembers `.missing`, so the app can offer restore-from-backup or erase.
///
/// The key is never logged or kept: each call reads it from the store. Thread-safe (the core may
/// ask from any thread); `@unchecked Sendable` because the lock guards the only mutable state.
public final class DiaryKeyProvider: KeyProvider, @unchecked Sendable {
    public static let keyLength = 32

    private let store: SecretStore
    private let random: RandomSource
    private let diaryExists: @Sendable () -> Bool
    private let lock = NSLock()
    private var problem: KeyProblem?
    private var created = false

    /// `diaryExists` is asked at each call (the core's `diaryExists(dataDir:)`).
    public init(store: SecretStore, random: RandomSource, diaryExists: @escaping @Sendable () -> Bool) {
        self.store = store
        self.random = random
        self.diaryExists = diaryExists
    }

    /// The problem of the last call, nil when it returned a key.
    public var lastProblem: KeyProblem? {
        lock.lock()
        defer { lock.unlock() }
        return problem
    }

    /// Whether a call of this provider created (and stored) a new key.
    public var createdKey: Bool {
        lock.lock()
        defer { lock.unlock() }
        return created
    }

    public func getOrCreateKey() throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        switch resolve() {
        case .success(let key):
            problem = nil
            return key
        case .failure(let failure):
            problem = failure
            throw SteadyError.KeyProvider(detail: Self.describe(failure))
        }
    }

    private func resolve() -> Result<Data, KeyProblem> {
        do {
            if let stored = try store.read() {
                guard stored.count == Self.keyLength else { return .failure(.wrongSize(stored.count)) }
                return .success(stored)
            }
            if diaryExists() {
                return .failure(.missing)
            }
            let key = try random.bytes(count: Self.keyLength)
            guard key.count == Self.keyLength else { return .failure(.wrongSize(key.count)) }
            try store.add(key)
            created = true
            return .success(key)
        } catch let error as SecretStoreError {
            switch error {
            case .deviceLocked: return .failure(.deviceLocked)
            case .failed(let status): return .failure(.storeFailed(status: status))
            }
        } catch {
            return .failure(.storeFailed(status: 0))
        }
    }

    /// A technical description for the error's detail (the patient sees the core's words instead).
    static func describe(_ problem: KeyProblem) -> String {
        switch problem {
        case .missing: return "no key is stored for an existing diary"
        case .wrongSize(let n): return "the stored key has \(n) bytes, expected \(keyLength)"
        case .deviceLocked: return "the device is locked"
        case .storeFailed(let status): return "the secret store failed (status \(status))"
        }
    }
}

/// A key provider holding one key in memory: a staging diary during a restore after a lost key.
public final class MemoryKeyProvider: KeyProvider, @unchecked Sendable {
    private let lock = NSLock()
    private let key: Data

    public init(key: Data) {
        self.key = key
    }

    public func getOrCreateKey() throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        return key
    }
}

/// The core's `GenerationStore` over a `CounterStore`: remembers the highest generation the diary
/// reached on this device, so `SteadyDiary.openGuarded` refuses an older copy of the whole file
/// (`RolledBack`). A generation never goes down here; only `reset()` (erase, restore, rescue)
/// forgets it.
public final class DiaryGenerations: GenerationStore, @unchecked Sendable {
    private let store: CounterStore
    private let lock = NSLock()

    public init(store: CounterStore) {
        self.store = store
    }

    public func latestGeneration() -> UInt64? {
        lock.withLock { store.read() }
    }

    public func recordGeneration(generation: UInt64) {
        lock.withLock {
            if generation > (store.read() ?? 0) {
                store.write(generation)
            }
        }
    }

    /// A new diary takes the place of the old one: its generations start again.
    public func reset() {
        lock.withLock { store.delete() }
    }
}
