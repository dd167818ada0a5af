import java.io.File
import javax.inject.Inject
import org.gradle.process.ExecOperations
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("org.jetbrains.kotlin.plugin.compose")
}

/** The Cargo workspace (the repository root, one level above android/). */
val workspaceDir: File = rootDir.parentFile
val skipCargo: Boolean = (findProperty("steady.skipCargo") as String?)?.toBoolean() ?: false
val generatedBindings = layout.buildDirectory.dir("generated/uniffi")
/** The NDK that AGP resolves from ndkVersion below; cargoBuild hands it to cargo-ndk. */
val agpNdkDirectory = androidComponents.sdkComponents.ndkDirectory

android {
    namespace = "app.steady"
    // Google Play's target API level requirement: since 31 August 2026 new apps and app updates must
    // target Android 16 (API level 36) or higher (the extension ran to 1 November 2026).
    // https://developer.android.com/google/play/requirements/target-sdk and
    // https://support.google.com/googleplay/android-developer/answer/11926878 .
    // tests/android/check_promises.py holds the same number (PLAY_TARGET_SDK); raise both together.
    compileSdk = 36
    // NDK r28c. r28 and newer link 64-bit ABIs with 16 KB ELF alignment by default (Android 15+
    // devices with 16 KB pages); .cargo/config.toml adds -z max-page-size=16384 to every Android
    // target anyway, so an older NDK given through ANDROID_NDK_HOME still produces aligned libraries.
    ndkVersion = "28.2.13676358"

    defaultConfig {
        applicationId = "app.steady"
        // 26 (Android 8.0): also why the adaptive launcher icon needs no PNG fallbacks.
        minSdk = 26
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        // The three ABIs cargoBuild produces.
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    buildFeatures { compose = true }

    sourceSets {
        getByName("main") {
            java.srcDir(generatedBindings)
            jniLibs.srcDir("src/main/jniLibs")
        }
    }

    testOptions {
        // The generated bindings read Build.VERSION.SDK_INT to pick a cleaner; the android.jar
        // stubs answer 0 (→ JNA's cleaner) instead of throwing in local unit tests.
        unitTests.isReturnDefaultValues = true
    }

    packaging {
        // Native libraries stay uncompressed in the APK and AGP (8.5.1+) aligns them to 16 KB in the
        // zip, so 16 KB-page devices can map them in place.
        jniLibs { useLegacyPackaging = false }
    }
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

dependencies {
    val composeBom = platform("androidx.compose:compose-bom:2024.12.01")
    implementation(composeBom)
    implementation("androidx.compose.ui:ui")
    implementation("androidx.compose.material3:material3")
    // Real icons (Today, Medication, History, Schedule, …) with content descriptions.
    implementation("androidx.compose.material:material-icons-extended")
    implementation("androidx.compose.ui:ui-tooling-preview")
    debugImplementation("androidx.compose.ui:ui-tooling")
    implementation("androidx.activity:activity-compose:1.9.3")
    implementation("androidx.lifecycle:lifecycle-viewmodel-compose:2.8.7")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.7")
    // ProcessLifecycleOwner: the diary is locked after the grace period in the background.
    implementation("androidx.lifecycle:lifecycle-process:2.8.7")
    implementation("androidx.navigation:navigation-compose:2.8.5")
    // NotificationCompat.Action.Builder.setAuthenticationRequired ("Taken" asks for the device unlock).
    implementation("androidx.core:core-ktx:1.15.0")
    // The app lock: BiometricPrompt with the device credential as the fallback (needs a FragmentActivity).
    implementation("androidx.biometric:biometric:1.1.0")
    implementation("androidx.fragment:fragment-ktx:1.8.5")
    // Reminders when exact alarms are not allowed (logic/Reminders.kt decides, notifications/ carries out).
    implementation("androidx.work:work-runtime-ktx:2.10.0")
    // Used by the generated bindings' Android cleaner (@RequiresApi).
    implementation("androidx.annotation:annotation:1.9.1")
    // UniFFI's Kotlin bindings load the Rust library through JNA (the AAR carries libjnidispatch.so
    // for each ABI). 16 KB pages need JNA 5.17.0 or newer: 5.13's libjnidispatch.so is 4 KB aligned on
    // 32-bit ABIs and x86_64, and up to 5.16 it shared a 16 KB page between read-only relocations and
    // writable data, so Android 15+ devices with 16 KB pages crash loading it (JNA issues 1618 and
    // 1647). 5.18.1 also fixes a deadlock and a race in Structure (5.18.0, 5.18.1) that UniFFI's
    // RustBuffer goes through. Its Android libraries are byte for byte those of 5.17.0;
    // tests/android/check.sh checks the AAR's when Gradle's cache has it.
    implementation("net.java.dev.jna:jna:5.18.1@aar")

    // Local unit tests (src/test) drive the host build of the library through desktop JNA;
    // tests/jvm/run.sh runs the same files without Gradle.
    testImplementation("junit:junit:4.13.2")
    testImplementation("net.java.dev.jna:jna:5.18.1")
}

// --- Rust: the core for each ABI ------------------------------------------------------------------

/** Builds the release cdylib for the three ABIs into src/main/jniLibs (needs cargo-ndk and the NDK). */
val cargoBuild by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds libsteady_core.so with cargo-ndk for arm64-v8a, armeabi-v7a and x86_64."
    onlyIf { !skipCargo }
    doFirst {
        // Cargo ignores .cargo/config.toml's per-target rustflags, and so the 16 KB page flag, when
        // either variable is set.
        for (name in listOf("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS")) {
            check(System.getenv(name).isNullOrEmpty()) {
                "$name is set: it would replace the Android rustflags of .cargo/config.toml " +
                    "(-z max-page-size=16384, needed on 16 KB-page devices); unset it"
            }
        }
        // The NDK of ndkVersion, unless ANDROID_NDK_HOME already names one.
        if (System.getenv("ANDROID_NDK_HOME").isNullOrEmpty()) {
            environment("ANDROID_NDK_HOME", agpNdkDirectory.get().asFile.path)
        }
    }
    workingDir = workspaceDir
    inputs.files(fileTree(workspaceDir.resolve("shared")) { include("src/**", "Cargo.toml") })
    // .cargo/config.toml holds the Android linker flags (16 KB pages).
    inputs.files(
        workspaceDir.resolve("Cargo.toml"),
        workspaceDir.resolve("Cargo.lock"),
        workspaceDir.resolve(".cargo/config.toml"),
    )
    outputs.dir(layout.projectDirectory.dir("src/main/jniLibs"))
    commandLine(
        "cargo", "ndk",
        "-t", "arm64-v8a",
        "-t", "armeabi-v7a",
        "-t", "x86_64",
        "--platform", "26",
        "-o", layout.projectDirectory.dir("src/main/jniLibs").asFile.path,
        "build", "--release", "--locked", "-p", "steady-core",
    )
}

// --- Kotlin bindings, generated from the library --------------------------------------------------

/**
 * Generates the Kotlin bindings with the workspace's uniffi-bindgen binary, in library mode, from
 * an unstripped host build of the core, using shared/uniffi.toml (package app.steady.core, the
 * Android cleaner).
 */
abstract class GenerateUniffiBindings @Inject constructor(private val execOps: ExecOperations) : DefaultTask() {
    @get:InputFiles
    @get:PathSensitive(PathSensitivity.RELATIVE)
    abstract val rustSources: ConfigurableFileCollection

    @get:InputFile
    @get:PathSensitive(PathSensitivity.NONE)
    abstract val config: RegularFileProperty

    @get:Internal
    abstract val workspace: DirectoryProperty

    @get:OutputDirectory
    abstract val outputDir: DirectoryProperty

    @TaskAction
    fun generate() {
        val root = workspace.get().asFile
        val out = outputDir.get().asFile
        out.deleteRecursively()
        out.mkdirs()
        execOps.exec {
            workingDir = root
            commandLine("cargo", "build", "--locked", "-p", "steady-core")
        }
        val os = System.getProperty("os.name").lowercase()
        val libName = when {
            os.contains("mac") -> "libsteady_core.dylib"
            os.contains("windows") -> "steady_core.dll"
            else -> "libsteady_core.so"
        }
        execOps.exec {
            workingDir = root
            commandLine(
                "cargo", "run", "-q", "--locked", "-p", "uniffi-bindgen", "--",
                "generate", "--library", root.resolve("target/debug/$libName").path,
                "--language", "kotlin", "--no-format",
                "--config", config.get().asFile.path,
                "--out-dir", out.path,
            )
        }
    }
}

val generateUniffiBindings by tasks.registering(GenerateUniffiBindings::class) {
    group = "rust"
    description = "Generates the Kotlin bindings of steady-core into build/generated/uniffi."
    rustSources.from(fileTree(workspaceDir.resolve("shared/src")), workspaceDir.resolve("shared/Cargo.toml"))
    config.set(workspaceDir.resolve("shared/uniffi.toml"))
    workspace.set(workspaceDir)
    outputDir.set(generatedBindings)
}

tasks.named("preBuild") { dependsOn(cargoBuild, generateUniffiBindings) }

// Local unit tests load the host build (target/debug) that generateUniffiBindings made.
tasks.withType<Test>().configureEach {
    dependsOn(generateUniffiBindings)
    systemProperty("jna.library.path", workspaceDir.resolve("target/debug").path)
}
