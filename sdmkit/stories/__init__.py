"""The story bank: mining STAR drafts from documents, matching them to questions,
and coverage of the principles and the loop's rounds."""
