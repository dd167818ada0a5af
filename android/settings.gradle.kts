// Steady for Android: a thin Compose shell over the Rust core (../shared) through UniFFI.
// Open this folder (android/) in Android Studio. See README.md here for the NDK and cargo-ndk setup.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "Steady"
include(":app")
