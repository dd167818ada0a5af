package app.steady.ui.screens

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.TrendingDown
import androidx.compose.material.icons.filled.Description
import androidx.compose.material.icons.filled.Flag
import androidx.compose.material.icons.filled.QuestionAnswer
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material3.Icon
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import app.steady.core.AppLabels
import app.steady.ui.Routes
import app.steady.ui.components.PageTitle

/** The pages beyond the bottom bar: plan, goals, questions, summary, settings. */
@Composable
fun MorePage(labels: AppLabels, onOpen: (String) -> Unit) {
    val pages = listOf(
        Triple(Routes.PLAN, labels.screenPlan, Icons.AutoMirrored.Filled.TrendingDown),
        Triple(Routes.GOALS, labels.screenGoals, Icons.Filled.Flag),
        Triple(Routes.QUESTIONS, labels.screenQuestions, Icons.Filled.QuestionAnswer),
        Triple(Routes.SUMMARY, labels.screenSummary, Icons.Filled.Description),
        Triple(Routes.SETTINGS, labels.screenSettings, Icons.Filled.Settings),
    )
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        PageTitle(labels.shellMore)
        pages.forEach { (route, title, icon) ->
            ListItem(
                headlineContent = { Text(title) },
                leadingContent = { Icon(icon, contentDescription = null) },
                modifier = Modifier.fillMaxWidth().clickable(role = Role.Button) { onOpen(route) },
            )
        }
    }
}
