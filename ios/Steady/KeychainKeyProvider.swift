import Foundation
import Security

/// Gives the core its 32-byte data key from the iOS Keychain, creating a random one on first use.
///
/// The key is a generic password item readable only while the iPhone is unlocked, never synchronised
/// and never migrated to another device (`kSecAttrAccessibleWhenUnlockedThisDeviceOnly`). It is
/// never logged, printed or written anywhere else: errors carry only the Keychain's status text.
final class KeychainKeyProvider: KeyProvider, @unchecked Sendable {
    static let keyLength = 32

    private let service: String
    private let account: String
    /// The core may ask from any thread; one creation at a time (hence `@unchecked Sendable`).
    private let lock = NSLock()

    init(service: String = "app.steady.diary-key", account: String = "diary") {
        self.service = service
        self.account = account
    }

    func getOrCreateKey() throws -> Data {
        lock.lock()
        defer { lock.unlock() }

        if let existing = try read() {
            return try checked(existing)
        }
        let key = try randomKey()
        let status = SecItemAdd(addQuery(key) as CFDictionary, nil)
        switch status {
        case errSecSuccess:
            return key
        case errSecDuplicateItem:
            // Created meanwhile (another process of the app): use the stored one.
            guard let stored = try read() else {
                throw failure("the key item exists but could not be read", status)
            }
            return try checked(stored)
        default:
            throw failure("could not store the data key", status)
        }
    }

    // MARK: Keychain

    private var itemQuery: [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    private func addQuery(_ key: Data) -> [String: Any] {
        var query = itemQuery
        query[kSecValueData as String] = key
        query[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
        query[kSecAttrSynchronizable as String] = kCFBooleanFalse
        return query
    }

    /// The stored key, or nil when there is none yet.
    private func read() throws -> Data? {
        var query = itemQuery
        query[kSecReturnData as String] = kCFBooleanTrue
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        switch status {
        case errSecSuccess:
            guard let data = item as? Data else {
                throw failure("the key item holds no data", status)
            }
            return data
        case errSecItemNotFound:
            return nil
        case errSecInteractionNotAllowed:
            throw failure("the iPhone is locked", status)
        default:
            throw failure("could not read the data key", status)
        }
    }

    private func randomKey() throws -> Data {
        var bytes = [UInt8](repeating: 0, count: KeychainKeyProvider.keyLength)
        defer {
            // Wipe the temporary copy; the Data returned is the only one left.
            for index in bytes.indices {
                bytes[index] = 0
            }
        }
        let status = SecRandomCopyBytes(kSecRandomDefault, bytes.count, &bytes)
        guard status == errSecSuccess else {
            throw failure("the system random generator failed", status)
        }
        return Data(bytes)
    }

    private func checked(_ key: Data) throws -> Data {
        guard key.count == KeychainKeyProvider.keyLength else {
            // Never replace it silently: a new key would make the existing diary unreadable.
            throw SteadyError.KeyProvider(
                message: "the stored key has \(key.count) bytes, expected \(KeychainKeyProvider.keyLength)")
        }
        return key
    }

    private func failure(_ what: String, _ status: OSStatus) -> SteadyError {
        let reason = SecCopyErrorMessageString(status, nil) as String? ?? "OSStatus \(status)"
        return SteadyError.KeyProvider(detail: "\(what): \(reason)")
    }
}

/// The folder holding the encrypted diary: Application Support/Diary, with complete file
/// protection (unreadable while the iPhone is locked) and excluded from iCloud and computer backups:
/// like its key, the diary stays on this device.
enum DataDirectory {
    static func prepare() throws -> URL {
        let manager = FileManager.default
        let support = try manager.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        var directory = support.appendingPathComponent("Diary", isDirectory: true)
        let protection: [FileAttributeKey: Any] = [.protectionKey: FileProtectionType.complete]
        try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: protection)
        // Also for a folder created by an earlier version; files created inside inherit the class.
        try manager.setAttributes(protection, ofItemAtPath: directory.path)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try directory.setResourceValues(values)
        return directory
    }
}
