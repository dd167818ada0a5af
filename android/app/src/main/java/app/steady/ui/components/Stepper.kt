package app.steady.ui.components

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.widthIn
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Remove
import androidx.compose.material3.FilledTonalIconButton
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.ProgressBarRangeInfo
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.progressBarRangeInfo
import androidx.compose.ui.semantics.setProgress
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp

/**
 * A labelled stepper (tablets in quarters, awakenings): − and + buttons around the value. For
 * TalkBack it is one adjustable control named by the field's label, reading its value, moved by the
 * volume keys or a swipe (progress semantics), instead of two bare "−" and "+" buttons.
 */
@Composable
fun Stepper(
    label: String,
    valueText: String,
    value: Float,
    range: ClosedFloatingPointRange<Float>,
    steps: Int,
    onStep: (up: Boolean) -> Unit,
    onSet: (Float) -> Unit,
) {
    Row(
        Modifier.fillMaxWidth().clearAndSetSemantics {
            contentDescription = label
            stateDescription = valueText
            progressBarRangeInfo = ProgressBarRangeInfo(value, range, steps)
            setProgress { target ->
                onSet(target.coerceIn(range.start, range.endInclusive))
                true
            }
        },
        verticalAlignment = Alignment.CenterVertically,
        horizontalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(label, modifier = Modifier.weight(1f), style = MaterialTheme.typography.bodyLarge)
        FilledTonalIconButton(onClick = { onStep(false) }, enabled = value > range.start) {
            Icon(Icons.Filled.Remove, contentDescription = null)
        }
        Text(
            valueText,
            style = MaterialTheme.typography.titleLarge,
            textAlign = TextAlign.Center,
            modifier = Modifier.widthIn(min = 48.dp),
        )
        FilledTonalIconButton(onClick = { onStep(true) }, enabled = value < range.endInclusive) {
            Icon(Icons.Filled.Add, contentDescription = null)
        }
    }
}
