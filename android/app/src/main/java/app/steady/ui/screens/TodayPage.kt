package app.steady.ui.screens

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxHeight
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.material3.Card
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.dp
import app.steady.R
import app.steady.ui.logic.AnxietyBar
import app.steady.ui.logic.DoseRow
import app.steady.ui.logic.TodayState
import app.steady.ui.text
import java.time.format.TextStyle
import java.util.Locale

/** Today: doses with their diazepam equivalents, totals kept apart, last night, the anxiety week, goals. */
@Composable
fun TodayPage(
    state: TodayState?,
    reminderOn: Boolean,
    onReminderChange: (Boolean) -> Unit,
    onOpenGoals: () -> Unit,
    onOpenHistory: () -> Unit,
) {
    if (state == null) {
        Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
        return
    }
    LazyColumn(
        modifier = Modifier.fillMaxSize().padding(horizontal = 16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            Spacer(Modifier.height(8.dp))
            Text(stringResource(R.string.today_title, state.date), style = MaterialTheme.typography.headlineSmall)
            Text(
                stringResource(R.string.today_table, state.tableName),
                style = MaterialTheme.typography.bodySmall,
            )
        }
        item {
            Section(stringResource(R.string.today_doses)) {
                if (state.doses.isEmpty()) Text(stringResource(R.string.today_no_doses))
                state.doses.forEach { DoseLine(it) }
                Spacer(Modifier.height(8.dp))
                Text(stringResource(R.string.today_prescribed_total, state.prescribed.text()))
                if (state.showNonPrescribed) {
                    Text(stringResource(R.string.today_nonprescribed_total, state.nonPrescribed.text()))
                }
            }
        }
        item {
            Section(stringResource(R.string.today_last_night)) {
                val night = state.lastNight
                if (night == null) {
                    Text(stringResource(R.string.today_no_night))
                } else {
                    if (night.sleepHours != null) {
                        Text(stringResource(R.string.today_sleep_duration, night.sleepHours, night.sleepMinutes ?: 0))
                    }
                    night.efficiencyPercent?.let { Text(stringResource(R.string.today_sleep_efficiency, it)) }
                    Text(stringResource(R.string.today_sleep_quality, night.quality))
                }
            }
        }
        item {
            Section(stringResource(R.string.today_anxiety_week)) {
                AnxietyWeek(state.anxietyWeek)
                state.anxietyMean?.let { Text(stringResource(R.string.today_anxiety_mean, it)) }
            }
        }
        item {
            Section(stringResource(R.string.today_goals)) {
                if (state.goals.isEmpty()) Text(stringResource(R.string.today_no_goals))
                state.goals.forEach { goal ->
                    Text(goal.whatMatters, style = MaterialTheme.typography.titleSmall)
                    Text(goal.description, style = MaterialTheme.typography.bodyMedium)
                    goal.nextReview?.let {
                        Text(
                            stringResource(if (goal.reviewDue) R.string.goal_review_due else R.string.goal_review_on, it),
                            style = MaterialTheme.typography.bodySmall,
                        )
                    }
                    Spacer(Modifier.height(6.dp))
                }
                TextButton(onClick = onOpenGoals) { Text(stringResource(R.string.today_open_goals)) }
            }
        }
        item {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(stringResource(R.string.reminder_toggle), modifier = Modifier.weight(1f))
                Switch(checked = reminderOn, onCheckedChange = onReminderChange)
            }
            TextButton(onClick = onOpenHistory) { Text(stringResource(R.string.today_open_history)) }
            Spacer(Modifier.height(16.dp))
        }
    }
}

@Composable
private fun DoseLine(dose: DoseRow) {
    val amount = when {
        dose.mg != null && dose.tablets != null -> stringResource(R.string.dose_mg_tablets, dose.mg, dose.tablets)
        dose.mg != null -> stringResource(R.string.dose_mg, dose.mg)
        dose.tablets != null -> stringResource(R.string.dose_tablets_unknown_strength, dose.tablets)
        else -> stringResource(R.string.dose_amount_unknown)
    }
    val de = dose.de?.let { stringResource(R.string.de_amount, it) } ?: stringResource(R.string.de_unknown)
    Row(Modifier.fillMaxWidth().padding(vertical = 2.dp)) {
        Text(dose.time, modifier = Modifier.width(56.dp))
        Column(Modifier.weight(1f)) {
            Text("${dose.substance} · $amount", maxLines = 2, overflow = TextOverflow.Ellipsis)
            Text(
                if (dose.nonPrescribed) stringResource(R.string.dose_nonprescribed_de, de) else de,
                style = MaterialTheme.typography.bodySmall,
            )
        }
    }
}

@Composable
private fun AnxietyWeek(days: List<AnxietyBar>) {
    Row(
        Modifier.fillMaxWidth().height(96.dp),
        horizontalArrangement = Arrangement.SpaceBetween,
        verticalAlignment = Alignment.Bottom,
    ) {
        days.forEach { day ->
            Column(horizontalAlignment = Alignment.CenterHorizontally, modifier = Modifier.weight(1f)) {
                Box(Modifier.weight(1f).width(20.dp), contentAlignment = Alignment.BottomCenter) {
                    val f = day.fraction
                    if (f != null) {
                        Box(
                            Modifier.fillMaxWidth().fillMaxHeight(f.coerceAtLeast(0.03f))
                                .background(MaterialTheme.colorScheme.primary),
                        )
                    }
                }
                Text(
                    day.dayOfWeek.getDisplayName(TextStyle.NARROW, Locale.getDefault()),
                    style = MaterialTheme.typography.labelSmall,
                )
            }
        }
    }
}

@Composable
internal fun Section(title: String, content: @Composable () -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            Spacer(Modifier.height(8.dp))
            content()
        }
    }
}
