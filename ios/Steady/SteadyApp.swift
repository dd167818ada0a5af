import SwiftUI

/// Entry point. The diary is opened when the scene becomes active (not at process launch, which iOS
/// may pre-warm before the device is unlocked) and closed when the app goes to the background, so the
/// encrypted file, protected with `FileProtectionType.complete`, is never held open while locked.
@main
struct SteadyApp: App {
    @StateObject private var core = Core()
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            ContentView()
                .environmentObject(core)
                .overlay {
                    // Hides the diary in the app switcher's snapshot.
                    if scenePhase != .active {
                        PrivacyCover()
                    }
                }
        }
        .onChange(of: scenePhase) { phase in
            switch phase {
            case .active:
                core.resume()
            case .background:
                core.suspend()
            default:
                break
            }
        }
    }
}

/// A plain cover shown while the app is not in the foreground.
struct PrivacyCover: View {
    var body: some View {
        ZStack {
            Color(uiColor: .systemBackground)
            Image(systemName: "lock.fill")
                .font(.largeTitle)
                .foregroundStyle(.secondary)
                .accessibilityLabel("Steady is locked")
        }
        .ignoresSafeArea()
    }
}
