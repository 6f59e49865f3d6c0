# Mina: a small image that runs the bot as a non-root user; SQLite data lives in /app/data.
# The base is pinned by version; pin it by digest too (python:3.11.13-slim-bookworm@sha256:…)
# when the registry is reachable from where the image is built.
FROM python:3.11.13-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock \
 && useradd --create-home --uid 10001 mina \
 && mkdir -p /app/data && chown mina:mina /app/data
COPY --chown=mina:mina bot.py ./
COPY --chown=mina:mina mina_bot ./mina_bot
COPY --chown=mina:mina handlers ./handlers
COPY --chown=mina:mina messenger ./messenger
COPY --chown=mina:mina cli ./cli
COPY --chown=mina:mina storage ./storage
COPY --chown=mina:mina sandbox ./sandbox
COPY --chown=mina:mina demo ./demo
COPY --chown=mina:mina examples ./examples
USER mina
VOLUME ["/app/data"]
# The webhook server (MINA_WEBHOOK_PORT) and its /healthz; polling needs no port.
EXPOSE 8443
STOPSIGNAL SIGTERM
ENTRYPOINT ["python", "bot.py"]
CMD ["run"]
