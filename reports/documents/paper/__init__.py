"""The paper trail: documents generated from Word templates a school can edit (docxtpl), as Word and PDF.

``builder`` writes the team's default templates, ``defaults`` holds their Russian wording (data, like
the seeded questionnaires), ``engine`` renders a template with an organisation's data in a sandbox and
validates an uploaded one, ``docx_html`` turns the rendered Word file into the HTML that WeasyPrint lays
out as the PDF — so the PDF always says what the Word file says, in the school's own wording.
"""
