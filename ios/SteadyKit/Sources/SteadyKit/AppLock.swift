import Foundation

/// The app lock's rules: whether Face ID / Touch ID / the device passcode is asked for, and after
/// how long in the background.
public struct AppLockPolicy: Equatable, Sendable {
    public var enabled: Bool
    /// Back within this many seconds: no new authentication.
    public var grace: TimeInterval

    public static let defaultGrace: TimeInterval = 60

    public init(enabled: Bool, grace: TimeInterval = AppLockPolicy.defaultGrace) {
        self.enabled = enabled
        self.grace = grace
    }
}

/// Where the app lock stands.
public enum AppLockState: Equatable, Sendable {
    /// Waiting for the person to authenticate; the diary stays locked.
    case locked
    /// The system's authentication sheet is up.
    case authenticating
    /// The diary may be open.
    case unlocked
    /// In the background since that moment; the diary is locked (keys wiped).
    case background(since: Date)
}

public enum AppLockEvent: Equatable, Sendable {
    /// The app process started (cold start).
    case launched
    case enteredBackground(at: Date)
    case becameActive(at: Date)
    case authenticationStarted
    case authenticationEnded(AuthenticationResult)
    case policyChanged(AppLockPolicy)
}

/// What the app must do after an event.
public enum AppLockEffect: Equatable, Sendable {
    /// Wipe the diary's keys from memory (`SteadyDiary.lock()`).
    case lockDiary
    /// Open or unlock the diary with the Keychain key.
    case openDiary
    /// Show the system's authentication sheet.
    case authenticate
    /// Say that authentication failed (the core's `shellUnlockFailed`).
    case reportFailure
    /// The device has no passcode any more: the app lock cannot be enforced and is turned off.
    case disableAppLock
}

/// The app lock as a pure state machine: events in, state and effects out. No clock, no UI, no
/// LocalAuthentication: `AppLockController` runs the effects through `DeviceAuthenticator`.
///
/// Rules:
/// - Cold start with the lock on: locked, ask at once. Off: open.
/// - Background: the diary is always locked (keys wiped), lock on or off.
/// - Back within the grace period: open without asking. Later, or with a clock that went
///   backwards: locked, ask. An authentication in progress when the app left is dropped.
/// - Becoming active while already locked asks nothing by itself (the system's own sheet makes the
///   app inactive and active again; asking again then would loop): the person taps Unlock.
/// - Success opens; failure stays locked and says so; a device without a passcode cannot lock
///   the app: it opens and turns the lock off, never a dead end.
public struct AppLockMachine: Equatable, Sendable {
    public private(set) var state: AppLockState
    public private(set) var policy: AppLockPolicy

    public init(policy: AppLockPolicy) {
        self.policy = policy
        self.state = policy.enabled ? .locked : .unlocked
    }

    /// Whether the diary's content may be shown now.
    public var mayShowDiary: Bool {
        state == .unlocked
    }

    public mutating func handle(_ event: AppLockEvent) -> [AppLockEffect] {
        switch event {
        case .launched:
            if policy.enabled {
                state = .locked
                return [.authenticate]
            }
            state = .unlocked
            return [.openDiary]

        case .enteredBackground(let at):
            switch state {
            case .unlocked:
                state = .background(since: at)
                return [.lockDiary]
            case .authenticating:
                state = .locked
                return []
            case .locked, .background:
                return []
            }

        case .becameActive(let at):
            guard case .background(let since) = state else { return [] }
            let away = at.timeIntervalSince(since)
            if !policy.enabled || (away >= 0 && away < policy.grace) {
                state = .unlocked
                return [.openDiary]
            }
            state = .locked
            return [.authenticate]

        case .authenticationStarted:
            if state == .locked {
                state = .authenticating
            }
            return []

        case .authenticationEnded(let result):
            guard state == .locked || state == .authenticating else { return [] }
            switch result {
            case .success:
                state = .unlocked
                return [.openDiary]
            case .failed:
                state = .locked
                return [.reportFailure]
            case .unavailable:
                policy.enabled = false
                state = .unlocked
                return [.disableAppLock, .openDiary]
            }

        case .policyChanged(let newPolicy):
            policy = newPolicy
            return []
        }
    }
}
