# py-report: Debian's python3 on bookworm minbase, like python:3.11-slim-bookworm.
# tzdata: zoneinfo needs the IANA database; python3-pytest: the suite runs in the image.
packages=(python3 tzdata python3-pytest)
app_user=app
app_dirs=(/app/out)
# Byte-compile the app as a real deployment would, so imports read __pycache__/*.pyc and
# only stat the .py files.
customize=('chroot "$1" python3 -m compileall -q /app')
changes=(
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  'ENV LANG=C.UTF-8'
  'ENV REPORT_TZ=Europe/Paris'
  'ENV REPORT_OUT=/app/out'
  'WORKDIR /app'
  'USER app'
  'ENTRYPOINT ["python3", "/app/main.py"]'
  'CMD ["/app/data/events.json"]'
)
