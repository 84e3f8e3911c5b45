"""Plain HTTP served by the same server as the dashboard (app.py mounts it): renderings of a View
that need no browser session, and the middleware that keeps interactive addresses canonical."""
