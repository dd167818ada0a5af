package app.steady.bench

import app.steady.core.EntryInput
import app.steady.core.KeyProvider
import app.steady.core.SteadyDiary
import app.steady.core.UserEvent
import java.io.File
import java.nio.file.Files

/** A fixed key, as the Android Keystore provider would hand out (the benchmark's diary is synthetic). */
class BenchKeys : KeyProvider {
    private val key = ByteArray(32) { (it * 7 + 1).toByte() }

    override fun getOrCreateKey(): ByteArray = key.copyOf()
}

/**
 * Per-call cost of the phone path: Kotlin → JNA → UniFFI scaffolding → SteadyCore and back, with
 * the typed view model lifted into Kotlin objects. A small diary (20 entries today) keeps the Rust
 * side cheap, so the figure is mostly the bridge. Prints one line per batch:
 * `ffi <name> <ns per call>`; the caller takes the median of the batches.
 */
fun main(args: Array<String>) {
    val calls = args.getOrNull(0)?.toInt() ?: 20000
    val batches = 5
    val perBatch = maxOf(1, calls / batches)
    val dir = Files.createTempDirectory("steady-ffi-bench").toFile()
    try {
        val diary = SteadyDiary.open(File(dir, "diary").path, BenchKeys())
        try {
            for (i in 0 until 20) {
                diary.send(UserEvent.Log(EntryInput.Anxiety(at = null, score = (i % 10).toLong(), note = null)))
            }
            // Warm-up: JIT, JNA's method lookup, the allocator.
            repeat(perBatch) {
                diary.send(UserEvent.Refresh)
                diary.view()
                diary.isLocked()
            }
            for (b in 0 until batches) {
                var t = System.nanoTime()
                repeat(perBatch) { diary.send(UserEvent.Refresh) }
                println("ffi send_refresh ${(System.nanoTime() - t) / perBatch}")
                t = System.nanoTime()
                repeat(perBatch) { diary.view() }
                println("ffi view ${(System.nanoTime() - t) / perBatch}")
                t = System.nanoTime()
                repeat(perBatch) { diary.isLocked() }
                println("ffi is_locked ${(System.nanoTime() - t) / perBatch}")
            }
        } finally {
            diary.close()
        }
    } finally {
        dir.deleteRecursively()
    }
}
