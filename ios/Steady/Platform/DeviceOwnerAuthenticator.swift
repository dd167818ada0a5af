import Foundation
import LocalAuthentication
import SteadyKit

/// Face ID, Touch ID or the device passcode (`.deviceOwnerAuthentication`: the passcode is always
/// the fallback, so a failed face scan is never a dead end). The reason shown is the core's
/// `shellUnlockReason`; the Face ID permission text (NSFaceIDUsageDescription) is the same words,
/// generated from the core's messages into InfoPlist.strings.
struct DeviceOwnerAuthenticator: DeviceAuthenticator {
    func canAuthenticate() -> Bool {
        LAContext().canEvaluatePolicy(.deviceOwnerAuthentication, error: nil)
    }

    func authenticate(reason: String) async -> AuthenticationResult {
        let context = LAContext()
        var error: NSError?
        guard context.canEvaluatePolicy(.deviceOwnerAuthentication, error: &error) else {
            return .unavailable
        }
        do {
            return try await context.evaluatePolicy(.deviceOwnerAuthentication, localizedReason: reason) ? .success : .failed
        } catch let failure as LAError where failure.code == .passcodeNotSet {
            return .unavailable
        } catch {
            return .failed
        }
    }
}
