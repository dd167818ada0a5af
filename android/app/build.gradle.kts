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

android {
    namespace = "app.steady"
    compileSdk = 35

    defaultConfig {
        applicationId = "app.steady"
        minSdk = 26
        targetSdk = 35
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
    implementation("androidx.compose.ui:ui-tooling-preview")
    debugImplementation("androidx.compose.ui:ui-tooling")
    implementation("androidx.activity:activity-compose:1.9.3")
    implementation("androidx.lifecycle:lifecycle-viewmodel-compose:2.8.7")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.7")
    implementation("androidx.navigation:navigation-compose:2.8.5")
    implementation("androidx.core:core-ktx:1.15.0")
    // Used by the generated bindings' Android cleaner (@RequiresApi).
    implementation("androidx.annotation:annotation:1.9.1")
    // UniFFI's Kotlin bindings load the Rust library through JNA (the AAR carries libjnidispatch).
    implementation("net.java.dev.jna:jna:5.13.0@aar")

    // Local unit tests (src/test) drive the host build of the library through desktop JNA;
    // tests/jvm/run.sh runs the same files without Gradle.
    testImplementation("junit:junit:4.13.2")
    testImplementation("net.java.dev.jna:jna:5.13.0")
}

// --- Rust: the core for each ABI ------------------------------------------------------------------

/** Builds the release cdylib for the three ABIs into src/main/jniLibs (needs cargo-ndk and the NDK). */
val cargoBuild by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds libsteady_core.so with cargo-ndk for arm64-v8a, armeabi-v7a and x86_64."
    onlyIf { !skipCargo }
    workingDir = workspaceDir
    inputs.files(fileTree(workspaceDir.resolve("shared")) { include("src/**", "Cargo.toml") })
    inputs.files(workspaceDir.resolve("Cargo.toml"), workspaceDir.resolve("Cargo.lock"))
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
        // UniFFI 0.29 emits Kotlin that does not compile when an error variant has a field named
        // `message` (it clashes with Throwable.message; mozilla/uniffi-rs issues 1434 and 2065).
        // Same step as tests/jvm/run.sh: rename those fields to `detail` in the exception class and
        // its converter. A no-op once SteadyError's fields are renamed in Rust.
        val kt = out.resolve("app/steady/core/steady_core.kt")
        var inException = false
        var inConverter = false
        val patched = kt.readLines().joinToString("\n", postfix = "\n") { line ->
            if (line.startsWith("sealed class SteadyException")) inException = true
            if (line.startsWith("public object FfiConverterTypeSteadyError")) {
                inException = false
                inConverter = true
            }
            val result = if (inException || inConverter) line.replace("`message`", "`detail`") else line
            if (inConverter && line == "}") inConverter = false
            result
        }
        kt.writeText(patched)
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
