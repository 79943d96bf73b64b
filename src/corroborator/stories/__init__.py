"""stories stage: documents → stories, the events they cover; incremental, so a new article joins an
existing story or opens a new one, and a follow-up about the same person or work is linked as related."""

from corroborator.stories.assign import AssignReport, StoryRecord, assign_pending, list_stories, recluster, story_record
from corroborator.stories.decide import METHOD, Settings

__all__ = ["METHOD", "AssignReport", "Settings", "StoryRecord", "assign_pending", "list_stories", "recluster", "story_record"]
