"""Cases: a school's stories of mentoring with photos (urls → views → forms, services write, selectors read)."""
