FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    fonts-dejavu-core npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml package.json package-lock.json ./
RUN pip install --no-cache-dir -e . && npm ci --no-audit --no-fund
COPY . .
RUN bin/vendor-static && SECRET_KEY=build python manage.py collectstatic --noinput
RUN useradd --system --home /app jobcoachloket && mkdir -p /data && chown jobcoachloket /data
USER jobcoachloket
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
