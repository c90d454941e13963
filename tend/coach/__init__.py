"""The communication coach: checks a draft for the four patterns and suggests a gentler start."""
