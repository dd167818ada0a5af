import Foundation

// The seams between SteadyKit and Apple-only APIs. The app target implements each protocol with the
// real framework (Keychain, LocalAuthentication, UserNotifications, UserDefaults); the tests
// implement them in memory. Nothing here imports an Apple-only module, so all of SteadyKit compiles
// and is tested on Linux.

/// Why a secret store refused; the key provider turns each case into a decision.
public enum SecretStoreError: Error, Equatable, Sendable {
    /// The device is locked (Keychain: errSecInteractionNotAllowed); try again once unlocked.
    case deviceLocked
    /// Any other failure, with the platform's status code (never the secret).
    case failed(status: Int32)
}

/// One secret item (errors thrown are `SecretStoreError`): the diary's 32-byte data key (the app: a Keychain generic password,
/// `kSecAttrAccessibleWhenUnlockedThisDeviceOnly`, never synchronised).
public protocol SecretStore: Sendable {
    /// The stored secret, or nil when there is none.
    func read() throws -> Data?
    /// Stores `secret`; fails when an item already exists (never overwrites a key silently).
    func add(_ secret: Data) throws
    /// Deletes the item; no error when there is none.
    func delete() throws
}

/// One small number kept where the diary file cannot reach it (the app: a second Keychain item,
/// this device only): the diary's generation, so an older copy of the whole file put back is refused.
public protocol CounterStore: Sendable {
    func read() -> UInt64?
    func write(_ value: UInt64)
    /// Forgets the number (the diary was erased, or replaced by a restore or a rescue).
    func delete()
}

/// Cryptographically secure random bytes (the app: SecRandomCopyBytes).
public protocol RandomSource: Sendable {
    func bytes(count: Int) throws -> Data
}

/// What a device authentication (Face ID, Touch ID or the device passcode) ended with.
public enum AuthenticationResult: Equatable, Sendable {
    case success
    /// Not recognised, or the person cancelled.
    case failed
    /// The device cannot authenticate at all (no passcode set): an app lock cannot be enforced.
    case unavailable
}

/// Device owner authentication (the app: LAContext with `.deviceOwnerAuthentication`, so the
/// passcode is always the fallback of biometrics).
public protocol DeviceAuthenticator: Sendable {
    /// Whether the device can authenticate its owner at all (a passcode is set).
    func canAuthenticate() -> Bool
    /// Asks the owner; `reason` is shown by the system (the core's words).
    func authenticate(reason: String) async -> AuthenticationResult
}

/// Whether the person lets the app show notifications.
public enum NotificationPermission: Equatable, Sendable {
    case notAsked
    case allowed
    case denied
}

/// A notification waiting to be shown, as the system lists it.
public struct PendingNotification: Equatable, Sendable {
    public let id: String
    public let fireDate: Date?
    public let title: String
    public let body: String
    public let category: String?

    public init(id: String, fireDate: Date?, title: String, body: String, category: String?) {
        self.id = id
        self.fireDate = fireDate
        self.title = title
        self.body = body
        self.category = category
    }
}

/// A local notification to schedule once, at `fireDate`.
public struct NotificationRequest: Equatable, Sendable {
    public let id: String
    public let fireDate: Date
    /// The core's neutral words (never a medicine or a dose).
    public let title: String
    public let body: String
    /// `ReminderCategory.medicine` (with the "Taken" action) or `ReminderCategory.checkIn`.
    public let category: String
    /// The medicine this reminder is for, handed back with the notification's action.
    public let medicineId: String?

    public init(id: String, fireDate: Date, title: String, body: String, category: String, medicineId: String?) {
        self.id = id
        self.fireDate = fireDate
        self.title = title
        self.body = body
        self.category = category
        self.medicineId = medicineId
    }
}

/// A notification category and its actions (the app: UNNotificationCategory).
public struct NotificationCategory: Equatable, Sendable {
    public struct Action: Equatable, Sendable {
        public let id: String
        public let title: String
        /// The device must be unlocked (the action reads the Keychain and writes the diary).
        public let requiresUnlockedDevice: Bool
        /// Whether the app comes to the foreground (false: handled in the background).
        public let opensApp: Bool
    }

    public let id: String
    public let actions: [Action]
}

/// The system's notification centre (the app: UNUserNotificationCenter).
public protocol NotificationCenterClient: Sendable {
    func permission() async -> NotificationPermission
    /// Asks the person (once; the system remembers the answer).
    func requestPermission() async -> Bool
    func pending() async -> [PendingNotification]
    func add(_ request: NotificationRequest) async throws
    func removePending(ids: [String]) async
    func setCategories(_ categories: [NotificationCategory]) async
}

/// Small app preferences that are not diary data (the app: UserDefaults). Never health data.
public protocol PreferenceStore: AnyObject, Sendable {
    func string(forKey key: String) -> String?
    func set(_ value: String?, forKey key: String)
}

/// The wall clock, injectable so the app lock's grace period can be tested.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The device clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}
