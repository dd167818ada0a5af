import SteadyCore
import SteadyKit
import SwiftUI

/// The screen for the model's phase: opening, the app lock, a lost key, a damaged diary, the diary.
struct RootView: View {
    @Environment(DiaryModel.self) private var model

    var body: some View {
        Group {
            if let words = model.words {
                switch model.phase {
                case .starting:
                    ProgressView(words.labels.shellLoading)
                case .locked:
                    LockScreen(words: words)
                case .keyLost:
                    KeyLostScreen(words: words)
                case .damaged:
                    DamagedScreen(words: words)
                case .unavailable(let text):
                    UnavailableScreen(words: words, text: text)
                case .open:
                    MainTabs(words: words)
                }
            } else {
                // The words are being read from the core (a few milliseconds).
                ProgressView()
            }
        }
        .dynamicTypeSize(...DynamicTypeSize.accessibility5)
    }
}

/// The five tabs; the last one gathers the screens used less often.
struct MainTabs: View {
    let words: Words

    var body: some View {
        TabView {
            TodayScreen(words: words)
                .tabItem { Label(words.labels.screenToday, systemImage: "sun.max") }
            LogScreen(words: words)
                .tabItem { Label(words.labels.screenLog, systemImage: "square.and.pencil") }
            HistoryScreen(words: words)
                .tabItem { Label(words.labels.screenHistory, systemImage: "clock") }
            SummaryScreenView(words: words)
                .tabItem { Label(words.labels.screenSummary, systemImage: "doc.text") }
            MoreScreen(words: words)
                .tabItem { Label(words.labels.shellMore, systemImage: "ellipsis.circle") }
        }
        .sharesFiles()
    }
}

/// My medicines, the plan, goals, questions and settings.
struct MoreScreen: View {
    let words: Words

    var body: some View {
        NavigationStack {
            List {
                NavigationLink { MedicinesScreen(words: words) } label: {
                    Label(words.labels.screenMedicines, systemImage: "pills")
                }
                NavigationLink { PlanScreen(words: words) } label: {
                    Label(words.labels.screenPlan, systemImage: "chart.line.downtrend.xyaxis")
                }
                NavigationLink { GoalsScreen(words: words) } label: {
                    Label(words.labels.screenGoals, systemImage: "flag")
                }
                NavigationLink { QuestionsScreen(words: words) } label: {
                    Label(words.labels.screenQuestions, systemImage: "questionmark.bubble")
                }
                NavigationLink { SettingsScreen(words: words) } label: {
                    Label(words.labels.screenSettings, systemImage: "gearshape")
                }
            }
            .navigationTitle(words.labels.shellMore)
        }
    }
}
