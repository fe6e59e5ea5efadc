# syntax=docker/dockerfile:1
# Build stage: the invitewatch wheel (its dependencies come from the lock file below).
FROM python:3.11-slim AS build
WORKDIR /src
RUN pip install --no-cache-dir --upgrade pip wheel
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# Runtime stage: no compilers, a non-root user, data on a volume.
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    INVITEWATCH_CONFIG_DIR=/app/config \
    INVITEWATCH_DATA_DIR=/data
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin invitewatch \
    && mkdir -p /data /app \
    && chown invitewatch:invitewatch /data
COPY requirements.lock /tmp/requirements.lock
# Dependencies at the exact versions and hashes of the lock file, then the app itself.
RUN pip install --require-hashes -r /tmp/requirements.lock && rm /tmp/requirements.lock
COPY --from=build /wheels /wheels
RUN pip install --no-deps --no-index /wheels/invitewatch-*.whl && rm -rf /wheels
COPY config /app/config
WORKDIR /app
VOLUME ["/data"]
USER invitewatch
# Healthy when the running bot can do its job: it reported in the last 30 minutes (it writes
# /data/status.json every 15 s), the database answers, feeds are not all failing, the
# Discord gateway is up and the outbox moves (`invitewatch health` says which check failed).
HEALTHCHECK --interval=60s --timeout=10s --start-period=120s --retries=3 \
    CMD ["invitewatch", "health", "--max-age", "1800"]
ENTRYPOINT ["invitewatch"]
CMD ["run"]
