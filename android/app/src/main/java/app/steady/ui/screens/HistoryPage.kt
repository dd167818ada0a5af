package app.steady.ui.screens

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.steady.R
import app.steady.core.EntryKind
import app.steady.core.EntryRow
import app.steady.ui.logic.byDayNewestFirst

/** Every entry, newest day first; an entry can be deleted (a goal takes its reviews with it). */
@Composable
fun HistoryPage(entries: List<EntryRow>, onDelete: (String) -> Unit) {
    var confirm by remember { mutableStateOf<EntryRow?>(null) }
    if (entries.isEmpty()) {
        Text(stringResource(R.string.history_empty), Modifier.padding(16.dp))
    }
    LazyColumn(Modifier.fillMaxSize().padding(horizontal = 16.dp)) {
        entries.byDayNewestFirst().forEach { day ->
            item(key = "day-${day.date}") {
                Text(day.date, style = MaterialTheme.typography.titleSmall, modifier = Modifier.padding(top = 12.dp))
            }
            items(day.entries, key = { it.id }) { row ->
                Row(Modifier.fillMaxWidth().padding(vertical = 4.dp), verticalAlignment = Alignment.CenterVertically) {
                    Text(row.time, Modifier.width(56.dp))
                    Column(Modifier.weight(1f)) {
                        Text(row.line)
                        val sub = listOfNotNull(
                            if (row.nonPrescribed) stringResource(R.string.dose_nonprescribed_short) else null,
                            row.note,
                        )
                        if (sub.isNotEmpty()) Text(sub.joinToString(" · "), style = MaterialTheme.typography.bodySmall)
                    }
                    TextButton(onClick = { confirm = row }) { Text(stringResource(R.string.delete)) }
                }
            }
        }
    }
    confirm?.let { row ->
        AlertDialog(
            onDismissRequest = { confirm = null },
            title = { Text(stringResource(R.string.delete_title)) },
            text = {
                Text(
                    stringResource(
                        if (row.kind == EntryKind.GOAL) R.string.delete_goal_text else R.string.delete_text,
                        row.line,
                    ),
                )
            },
            confirmButton = {
                TextButton(onClick = {
                    onDelete(row.id)
                    confirm = null
                }) { Text(stringResource(R.string.delete)) }
            },
            dismissButton = { TextButton(onClick = { confirm = null }) { Text(stringResource(R.string.cancel)) } },
        )
    }
}
