package app.steady.bench

import app.steady.core.EntryDraft
import app.steady.core.KeyProvider
import app.steady.core.SteadyDiary
import java.io.File
import java.nio.file.Files

/** A fixed key, as the Android Keystore provider would hand out (the benchmark's diary is synthetic). */
class BenchKeys : KeyProvider {
    private val key = ByteArray(32) { (it * 7 + 1).toByte() }

    override fun getOrCreateKey(): ByteArray = key.copyOf()
}

/**
 * Per-call cost of the phone path: Kotlin → JNA → UniFFI scaffolding → SteadyCore and back, with
 * the core's typed views lifted into Kotlin objects. A small diary (20 entries today) keeps the Rust
 * side cheap, so the figure is mostly the bridge. Prints one line per batch:
 * `ffi <name> <ns per call>`; the caller (steady-bench) takes the median of the batches.
 *
 * The names steady-bench reads kept their meaning when the API became typed methods (commit
 * b59da68); what each now times:
 * - `send_refresh`: an event in, the today view out — what the app does on coming back to the
 *   foreground. Was one `send(UserEvent.Refresh)` returning the view with the today screen; now
 *   one `today()`: the event that shows the today page, which re-reads the clock (so midnight and a
 *   zone change are seen), and the today view lifted into Kotlin.
 * - `view`: a read that changes nothing. Was `view()`, the cached view with the today screen; now
 *   `status()`, the cached status (entry count, damaged ids, table) only — the today screen is no
 *   longer cached but built on request by `today()`.
 * - `is_locked`: unchanged, a bare call (the bridge alone).
 * One more line, `refresh` (re-read the clock, return the status), is printed for reference
 * (steady-bench does not read it).
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
                diary.log(EntryDraft.Anxiety(at = null, score = (i % 10).toLong(), note = null))
            }
            // Warm-up: JIT, JNA's method lookup, the allocator.
            repeat(perBatch) {
                diary.refresh()
                diary.today()
                diary.status()
                diary.isLocked()
            }
            for (b in 0 until batches) {
                var t = System.nanoTime()
                repeat(perBatch) { diary.today() }
                println("ffi send_refresh ${(System.nanoTime() - t) / perBatch}")
                t = System.nanoTime()
                repeat(perBatch) { diary.status() }
                println("ffi view ${(System.nanoTime() - t) / perBatch}")
                t = System.nanoTime()
                repeat(perBatch) { diary.refresh() }
                println("ffi refresh ${(System.nanoTime() - t) / perBatch}")
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
