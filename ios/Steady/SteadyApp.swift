import SteadyKit
import SwiftUI
import UIKit
import UserNotifications

/// Entry point. Everything but the views lives in SteadyKit (compiled and tested on Linux by
/// tests/swift/run.sh); this target wires SteadyKit's model to the Apple-only frameworks and draws it.
///
/// - The diary opens when the scene becomes active (not at process launch, which iOS may pre-warm
///   before the device is unlocked) and locks when the app goes to the background: keys wiped,
///   decrypted entries dropped, shared files deleted. The app lock decides whether Face ID /
///   Touch ID / the passcode is asked first.
/// - A plain cover hides the diary in the app switcher.
/// - Reminders are rescheduled at every start, after a clock or time-zone change and after every
///   change of a medicine or setting; a reminder's "Taken" action logs through the core in the
///   background.
@main
struct SteadyApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var delegate
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environment(delegate.model)
                .overlay {
                    if scenePhase != .active {
                        PrivacyCover()
                    }
                }
                .task {
                    await delegate.model.start()
                }
                .onReceive(NotificationCenter.default.publisher(for: .NSSystemTimeZoneDidChange)) { _ in
                    Task { await delegate.model.rescheduleReminders(.timeZoneChanged) }
                }
                .onReceive(NotificationCenter.default.publisher(for: UIApplication.significantTimeChangeNotification)) { _ in
                    Task { await delegate.model.rescheduleReminders(.clockChanged) }
                }
        }
        .onChange(of: scenePhase) { _, phase in
            switch phase {
            case .active:
                Task { await delegate.model.becomeActive() }
            case .background:
                delegate.model.enterBackground()
            default:
                break
            }
        }
    }
}

/// Holds the one model and answers the notification centre (set as its delegate before launch
/// ends, so a "Taken" tapped while the app was not running is not lost).
@MainActor
final class AppDelegate: NSObject, UIApplicationDelegate, UNUserNotificationCenterDelegate {
    let model: DiaryModel

    override init() {
        let fallback = FileManager.default.temporaryDirectory
        let environment = DiaryEnvironment(
            dataDirectory: (try? AppDirectories.diary()) ?? fallback.appendingPathComponent("Diary"),
            scratchDirectory: (try? AppDirectories.scratch()) ?? fallback,
            exportDirectory: (try? AppDirectories.exports()) ?? fallback.appendingPathComponent("Share"),
            secrets: KeychainSecretStore(),
            generations: KeychainCounterStore(),
            random: SecureRandom(),
            authenticator: DeviceOwnerAuthenticator(),
            notifications: UserNotificationCenterClient(),
            preferences: UserDefaultsPreferences(),
            deviceLanguage: Locale.preferredLanguages.first ?? "en")
        model = DiaryModel(environment: environment)
        super.init()
    }

    func application(
        _ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil
    ) -> Bool {
        UNUserNotificationCenter.current().delegate = self
        return true
    }

    /// A reminder's action: "Taken" logs the usual dose without opening the diary's screens.
    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter, didReceive response: UNNotificationResponse
    ) async {
        let request = response.notification.request
        let reply = ReminderResponse(
            actionId: response.actionIdentifier, notificationId: request.identifier,
            medicineId: request.content.userInfo[ReminderCategory.medicineKey] as? String)
        await model.handle(reply)
    }

    /// A reminder that arrives while the app is open is shown as a banner too.
    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter, willPresent notification: UNNotification
    ) async -> UNNotificationPresentationOptions {
        [.banner, .sound]
    }
}
