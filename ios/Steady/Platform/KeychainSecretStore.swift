import Foundation
import Security
import SteadyKit

/// The diary's data key as one Keychain generic-password item: readable only while the iPhone is
/// unlocked, never synchronised, never migrated to another device
/// (`kSecAttrAccessibleWhenUnlockedThisDeviceOnly`). SteadyKit's `DiaryKeyProvider` decides when a
/// key is made (never for an existing diary); this type only reads, adds and deletes the item. The
/// key is never logged: errors carry the Keychain's status code only.
struct KeychainSecretStore: SecretStore {
    let service: String
    let account: String

    init(service: String = "app.steady.diary-key", account: String = "diary") {
        self.service = service
        self.account = account
    }

    private var itemQuery: [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    func read() throws -> Data? {
        var query = itemQuery
        query[kSecReturnData as String] = kCFBooleanTrue
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        switch status {
        case errSecSuccess:
            guard let data = item as? Data else { throw SecretStoreError.failed(status: status) }
            return data
        case errSecItemNotFound:
            return nil
        case errSecInteractionNotAllowed:
            throw SecretStoreError.deviceLocked
        default:
            throw SecretStoreError.failed(status: status)
        }
    }

    func add(_ secret: Data) throws {
        var query = itemQuery
        query[kSecValueData as String] = secret
        query[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
        query[kSecAttrSynchronizable as String] = kCFBooleanFalse
        let status = SecItemAdd(query as CFDictionary, nil)
        switch status {
        case errSecSuccess:
            return
        case errSecInteractionNotAllowed:
            throw SecretStoreError.deviceLocked
        default:
            // errSecDuplicateItem included: an existing key is never overwritten.
            throw SecretStoreError.failed(status: status)
        }
    }

    /// Replaces the item's value in one step (SecItemUpdate), adding it when there is none. Only
    /// for values that may change (the generation), never for the key.
    func replace(with value: Data) throws {
        let status = SecItemUpdate(itemQuery as CFDictionary, [kSecValueData as String: value] as CFDictionary)
        switch status {
        case errSecSuccess:
            return
        case errSecItemNotFound:
            try add(value)
        case errSecInteractionNotAllowed:
            throw SecretStoreError.deviceLocked
        default:
            throw SecretStoreError.failed(status: status)
        }
    }

    func delete() throws {
        let status = SecItemDelete(itemQuery as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw SecretStoreError.failed(status: status)
        }
    }
}

/// Random bytes from the system's cryptographically secure generator.
struct SecureRandom: RandomSource {
    func bytes(count: Int) throws -> Data {
        var bytes = [UInt8](repeating: 0, count: count)
        defer {
            for index in bytes.indices { bytes[index] = 0 }
        }
        let status = SecRandomCopyBytes(kSecRandomDefault, count, &bytes)
        guard status == errSecSuccess else { throw SecretStoreError.failed(status: status) }
        return Data(bytes)
    }
}

/// The diary's generation (SteadyKit's `CounterStore`) as a second Keychain item, this device only:
/// the diary file cannot reach it, so an older copy of the whole file put back is refused.
struct KeychainCounterStore: CounterStore {
    let store = KeychainSecretStore(service: "app.steady.diary-generation", account: "diary")

    func read() -> UInt64? {
        guard let data = try? store.read(), data.count == 8 else { return nil }
        return data.reduce(0) { ($0 << 8) | UInt64($1) }
    }

    func write(_ value: UInt64) {
        let bytes = Data((0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) })
        try? store.replace(with: bytes)
    }

    func delete() {
        try? store.delete()
    }
}
