# Builds the WAR and runs it on Payara Micro with payara-config/, configured by environment
# variables (see .env.sample). Data of the embedded database lives in /data.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q dependency:go-offline
COPY src src
RUN ./mvnw -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app rassylka && mkdir -p /app /data && chown rassylka /data
WORKDIR /app
COPY --from=build /src/target/runtime runtime
COPY --from=build /src/target/rassylka.war rassylka.war
COPY payara-config payara-config
ENV RUNTIME_DIR=/app/runtime WAR_FILE=/app/rassylka.war DATA_DIR=/data PORT=8080
USER rassylka
VOLUME /data
EXPOSE 8080
CMD ["bash", "/app/payara-config/start.sh"]
