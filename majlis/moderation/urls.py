from django.urls import path

from majlis.moderation.views import articles, audit, automation, decisions, email, queue, stats

app_name = "moderation"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("next/", queue.next_comment, name="next"),
    path("bulk/", decisions.bulk, name="bulk"),
    path("comments/<int:pk>/", decisions.comment, name="comment"),
    path("comments/<int:pk>/claim/", decisions.claim, name="claim"),
    path("comments/<int:pk>/release/", decisions.release, name="release"),
    path("comments/<int:pk>/decide/", decisions.decide, name="decide"),
    path("comments/<int:pk>/reverse/", decisions.reverse, name="reverse"),
    path("articles/", articles.article_list, name="articles"),
    path("articles/<int:pk>/review/", articles.review, name="review_article"),
    path("audit/", audit.audit_log, name="audit"),
    path("stats/", stats.statistics, name="stats"),
    path("stats.csv", stats.statistics_csv, name="stats_csv"),
    path("settings/", automation.site_list, name="settings"),
    path("settings/<int:site_id>/", automation.site_settings, name="site_settings"),
    path("settings/<int:site_id>/profile/", automation.site_profile, name="site_profile"),
    path("email/<str:token>/", email.confirm, name="email_decision"),
]
