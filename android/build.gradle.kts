// Root build: plugin versions only; the app module holds the configuration.
// AGP 8.10 supports compileSdk 36 (Android 16; its release notes: maximum API level 36), which Google
// Play's target API level requirement asks for since 31 August 2026; it needs Gradle 8.11.1
// (gradle-wrapper.properties) and JDK 17. AGP 8.5.1+ also aligns uncompressed native libraries to 16 KB
// in the APK.
plugins {
    id("com.android.application") version "8.10.1" apply false
    id("org.jetbrains.kotlin.android") version "2.1.0" apply false
    id("org.jetbrains.kotlin.plugin.compose") version "2.1.0" apply false
}
