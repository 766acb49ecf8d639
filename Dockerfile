# The Interlock app (API + web explorer) for docker compose; Neo4j runs in its own container.
FROM node:20-bookworm-slim

# The lockfile was written by npm 11 (Vite 8's toolchain expects it); the image ships npm 10.
RUN npm install -g npm@11 --no-audit --no-fund

WORKDIR /app
# Dependencies first, so editing the source does not invalidate the npm ci layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client

# All interfaces of the container's own network namespace, so a published port reaches the app;
# docker-compose.yml publishes it on the host's loopback only.
ENV HOST=0.0.0.0 \
    PORT=3000
EXPOSE 3000
USER node
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npx", "tsx", "server/main.ts"]
