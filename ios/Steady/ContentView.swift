import SwiftUI

/// The four tabs, or the reason the diary could not be opened.
struct ContentView: View {
    @EnvironmentObject private var core: Core

    var body: some View {
        Group {
            if let failure = core.openFailure {
                OpenFailureView(message: failure) { core.resume() }
            } else if core.isOpen {
                tabs
            } else {
                ProgressView("Opening your diary…")
            }
        }
        .onAppear { core.resume() }
    }

    private var tabs: some View {
        TabView {
            TodayView()
                .tabItem { Label("Today", systemImage: "sun.max") }
            LogView()
                .tabItem { Label("Log", systemImage: "square.and.pencil") }
            GoalsView()
                .tabItem { Label("Goals", systemImage: "flag") }
            SummaryView()
                .tabItem { Label("Summary", systemImage: "doc.text") }
        }
        .safeAreaInset(edge: .top) {
            if let banner = core.banner {
                BannerView(text: banner) { core.banner = nil }
            }
        }
    }
}

/// Shown when the diary cannot be opened; nothing is deleted or reset from here.
struct OpenFailureView: View {
    let message: String
    let retry: () -> Void

    var body: some View {
        VStack(spacing: 16) {
            Image(systemName: "lock.trianglebadge.exclamationmark")
                .font(.largeTitle)
                .foregroundStyle(.secondary)
            Text("Your diary could not be opened")
                .font(.headline)
            Text(message)
                .multilineTextAlignment(.center)
                .foregroundStyle(.secondary)
            Button("Try again", action: retry)
                .buttonStyle(.borderedProminent)
        }
        .padding()
    }
}
