"""Operations on content that change state or send something.

Messages to authors moved to the newsroom app (masthead.newsroom.services.author_contact):
they land in the newsroom inbox as a thread assigned to the author.
"""
