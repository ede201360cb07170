-- CreateTable
CREATE TABLE "service_days" (
    "day" DATE NOT NULL,
    "team_id" TEXT NOT NULL,
    "type_id" TEXT NOT NULL,
    "volume" INTEGER NOT NULL DEFAULT 0,
    "csat_d" INTEGER NOT NULL DEFAULT 0,
    "csat_n" INTEGER NOT NULL DEFAULT 0,
    "delight_n" INTEGER NOT NULL DEFAULT 0,
    "response_d" INTEGER NOT NULL DEFAULT 0,
    "response_n" INTEGER NOT NULL DEFAULT 0,
    "frs_d" INTEGER NOT NULL DEFAULT 0,
    "frs_n" INTEGER NOT NULL DEFAULT 0,
    "resolution_d" INTEGER NOT NULL DEFAULT 0,
    "resolution_n" INTEGER NOT NULL DEFAULT 0,
    "promises_d" INTEGER NOT NULL DEFAULT 0,
    "promises_n" INTEGER NOT NULL DEFAULT 0,
    "transfers_sum" INTEGER NOT NULL DEFAULT 0,
    "bounce_n" INTEGER NOT NULL DEFAULT 0,
    "reopen_d" INTEGER NOT NULL DEFAULT 0,
    "reopen_n" INTEGER NOT NULL DEFAULT 0,
    "recovery_d" INTEGER NOT NULL DEFAULT 0,
    "recovery_n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "service_days_pkey" PRIMARY KEY ("day","team_id","type_id")
);

-- CreateTable
CREATE TABLE "service_team_days" (
    "day" DATE NOT NULL,
    "team_id" TEXT NOT NULL,
    "volume" INTEGER NOT NULL DEFAULT 0,
    "csat_d" INTEGER NOT NULL DEFAULT 0,
    "csat_n" INTEGER NOT NULL DEFAULT 0,
    "delight_n" INTEGER NOT NULL DEFAULT 0,
    "response_d" INTEGER NOT NULL DEFAULT 0,
    "response_n" INTEGER NOT NULL DEFAULT 0,
    "frs_d" INTEGER NOT NULL DEFAULT 0,
    "frs_n" INTEGER NOT NULL DEFAULT 0,
    "resolution_d" INTEGER NOT NULL DEFAULT 0,
    "resolution_n" INTEGER NOT NULL DEFAULT 0,
    "promises_d" INTEGER NOT NULL DEFAULT 0,
    "promises_n" INTEGER NOT NULL DEFAULT 0,
    "transfers_sum" INTEGER NOT NULL DEFAULT 0,
    "bounce_n" INTEGER NOT NULL DEFAULT 0,
    "reopen_d" INTEGER NOT NULL DEFAULT 0,
    "reopen_n" INTEGER NOT NULL DEFAULT 0,
    "recovery_d" INTEGER NOT NULL DEFAULT 0,
    "recovery_n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "service_team_days_pkey" PRIMARY KEY ("day","team_id")
);

-- CreateTable
CREATE TABLE "complaint_days" (
    "day" DATE NOT NULL,
    "team_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "channel" "ComplaintChannel" NOT NULL,
    "severity" "Severity" NOT NULL,
    "complaints" INTEGER NOT NULL DEFAULT 0,
    "sightings" INTEGER NOT NULL DEFAULT 0,
    "front_line" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "complaint_days_pkey" PRIMARY KEY ("day","team_id","category_id","channel","severity")
);

-- CreateTable
CREATE TABLE "theme_days" (
    "day" DATE NOT NULL,
    "theme_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "channel" "ComplaintChannel" NOT NULL,
    "severity" "Severity" NOT NULL,
    "complaints" INTEGER NOT NULL DEFAULT 0,
    "sightings" INTEGER NOT NULL DEFAULT 0,
    "front_line" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "theme_days_pkey" PRIMARY KEY ("day","theme_id","team_id","category_id","channel","severity")
);

-- CreateTable
CREATE TABLE "complaint_category_days" (
    "day" DATE NOT NULL,
    "team_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "complaints" INTEGER NOT NULL DEFAULT 0,
    "sightings" INTEGER NOT NULL DEFAULT 0,
    "front_line" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "complaint_category_days_pkey" PRIMARY KEY ("day","team_id","category_id")
);

-- CreateTable
CREATE TABLE "theme_category_days" (
    "day" DATE NOT NULL,
    "theme_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "complaints" INTEGER NOT NULL DEFAULT 0,
    "sightings" INTEGER NOT NULL DEFAULT 0,
    "front_line" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "theme_category_days_pkey" PRIMARY KEY ("day","theme_id","team_id","category_id")
);

-- CreateTable
CREATE TABLE "rollup_dirty" (
    "id" BIGSERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3),
    "day" DATE,

    CONSTRAINT "rollup_dirty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollup_state" (
    "id" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "rebuilt_at" TIMESTAMPTZ(3),

    CONSTRAINT "rollup_state_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_days_team_id_day_idx" ON "service_days"("team_id", "day");

-- CreateIndex
CREATE INDEX "theme_days_theme_id_day_idx" ON "theme_days"("theme_id", "day");

-- CreateIndex
CREATE INDEX "theme_category_days_theme_id_day_idx" ON "theme_category_days"("theme_id", "day");

-- CreateIndex
CREATE INDEX "requests_provider_team_id_promised_at_idx" ON "requests"("provider_team_id", "promised_at");

-- CreateIndex
CREATE INDEX "requests_first_response_due_at_idx" ON "requests"("first_response_due_at");

-- CreateIndex
CREATE INDEX "complaints_routed_team_id_occurred_at_idx" ON "complaints"("routed_team_id", "occurred_at");

-- CreateIndex
CREATE INDEX "complaints_occurred_at_idx" ON "complaints"("occurred_at");

-- CreateIndex
CREATE INDEX "complaints_acknowledged_at_escalated_at_routed_team_id_cate_idx" ON "complaints"("acknowledged_at", "escalated_at", "routed_team_id", "category_id", "channel", "severity");

-- Hand-written: triggers that note which (team, day) of the dashboard figures a change touches
-- (decision 013). They only append to rollup_dirty; the refresh-dashboard-figures job recounts
-- those days. Appending never waits on another transaction, so writers do not queue behind one
-- another or behind the job. A trigger sees every path that writes — forms, jobs, imports — which
-- application code could not promise.

-- A request's service days: received, resolved, resolution due (open requests are judged on
-- it), promised, the day of its first rating (a transfer moves that rating to another team) and
-- the day its recovery case closed.
CREATE FUNCTION "rollup_mark_request_days"(p_team TEXT, p_request TEXT, p_created TIMESTAMPTZ, p_resolved TIMESTAMPTZ, p_due TIMESTAMPTZ, p_promised DATE)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "rollup_dirty" ("scope", "team_id", "at", "day")
  SELECT 'service', p_team, x, NULL FROM unnest(ARRAY[p_created, p_resolved, p_due]) AS x WHERE x IS NOT NULL
  UNION ALL
  SELECT 'service', p_team, NULL, p_promised WHERE p_promised IS NOT NULL
  UNION ALL
  SELECT 'service', p_team, f."created_at", NULL FROM "ratings" f WHERE f."request_id" = p_request AND f."kind" = 'FIRST'
  UNION ALL
  -- A closed recovery case counts under the request's type, which a transfer can change.
  SELECT 'service', rc."team_id", rc."closed_at", NULL FROM "recovery_cases" rc WHERE rc."request_id" = p_request AND rc."closed_at" IS NOT NULL
$$;

CREATE FUNCTION "rollup_requests_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "rollup_mark_request_days"(OLD."provider_team_id", OLD."id", OLD."created_at", OLD."resolved_at", OLD."resolution_due_at", OLD."promised_at");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM "rollup_mark_request_days"(NEW."provider_team_id", NEW."id", NEW."created_at", NEW."resolved_at", NEW."resolution_due_at", NEW."promised_at");
  END IF;
  -- Deletions are noted BEFORE the row goes, while its ratings or sightings still exist.
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "requests_rollup_insert" AFTER INSERT ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "rollup_requests_changed"();
CREATE TRIGGER "requests_rollup_delete" BEFORE DELETE ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "rollup_requests_changed"();
-- Only the columns a measure reads: assigning or commenting touches no figure.
CREATE TRIGGER "requests_rollup_update" AFTER UPDATE ON "requests" FOR EACH ROW
  WHEN ((OLD."provider_team_id", OLD."type_id", OLD."status", OLD."created_at", OLD."first_response_at", OLD."first_response_due_at",
         OLD."resolved_at", OLD."resolution_due_at", OLD."promised_at", OLD."cancelled_at", OLD."transfer_count", OLD."reopen_count")
        IS DISTINCT FROM
        (NEW."provider_team_id", NEW."type_id", NEW."status", NEW."created_at", NEW."first_response_at", NEW."first_response_due_at",
         NEW."resolved_at", NEW."resolution_due_at", NEW."promised_at", NEW."cancelled_at", NEW."transfer_count", NEW."reopen_count"))
  EXECUTE FUNCTION "rollup_requests_changed"();

-- A rating: the day it was given and its request's resolved day (response rate), under the
-- request's team; a re-rating also the day its recovery case closed, under the case's team.
CREATE FUNCTION "rollup_ratings_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_request TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."request_id" ELSE NEW."request_id" END;
  v_old TIMESTAMPTZ := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."created_at" END;
  v_new TIMESTAMPTZ := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."created_at" END;
BEGIN
  INSERT INTO "rollup_dirty" ("scope", "team_id", "at")
  SELECT 'service', r."provider_team_id", x FROM "requests" r CROSS JOIN unnest(ARRAY[v_old, v_new, r."resolved_at"]) AS x
   WHERE r."id" = v_request AND x IS NOT NULL
  UNION ALL
  SELECT 'service', rc."team_id", rc."closed_at" FROM "recovery_cases" rc WHERE rc."request_id" = v_request AND rc."closed_at" IS NOT NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "ratings_rollup" AFTER INSERT OR UPDATE OR DELETE ON "ratings"
  FOR EACH ROW EXECUTE FUNCTION "rollup_ratings_changed"();

CREATE FUNCTION "rollup_recovery_cases_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."closed_at" IS NOT NULL THEN
    INSERT INTO "rollup_dirty" ("scope", "team_id", "at") VALUES ('service', OLD."team_id", OLD."closed_at");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."closed_at" IS NOT NULL THEN
    INSERT INTO "rollup_dirty" ("scope", "team_id", "at") VALUES ('service', NEW."team_id", NEW."closed_at");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "recovery_cases_rollup" AFTER INSERT OR UPDATE OR DELETE ON "recovery_cases"
  FOR EACH ROW EXECUTE FUNCTION "rollup_recovery_cases_changed"();

-- A complaint's heard days: its own, and each of its sightings' (which count under the
-- complaint's team, category and severity).
CREATE FUNCTION "rollup_mark_complaint_days"(p_complaint TEXT, p_team TEXT, p_at TIMESTAMPTZ)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "rollup_dirty" ("scope", "team_id", "at")
  SELECT 'complaints', p_team, p_at
  UNION ALL
  SELECT 'complaints', p_team, s."occurred_at" FROM "complaint_sightings" s WHERE s."complaint_id" = p_complaint
$$;

CREATE FUNCTION "rollup_complaints_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "rollup_mark_complaint_days"(OLD."id", OLD."routed_team_id", OLD."occurred_at");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM "rollup_mark_complaint_days"(NEW."id", NEW."routed_team_id", NEW."occurred_at");
  END IF;
  -- Deletions are noted BEFORE the row goes, while its ratings or sightings still exist.
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "complaints_rollup_insert" AFTER INSERT ON "complaints"
  FOR EACH ROW EXECUTE FUNCTION "rollup_complaints_changed"();
CREATE TRIGGER "complaints_rollup_delete" BEFORE DELETE ON "complaints"
  FOR EACH ROW EXECUTE FUNCTION "rollup_complaints_changed"();
-- Acknowledging, answering or closing changes no heard figure.
CREATE TRIGGER "complaints_rollup_update" AFTER UPDATE ON "complaints" FOR EACH ROW
  WHEN ((OLD."routed_team_id", OLD."category_id", OLD."channel", OLD."severity", OLD."resolved_at_front_line", OLD."occurred_at")
        IS DISTINCT FROM
        (NEW."routed_team_id", NEW."category_id", NEW."channel", NEW."severity", NEW."resolved_at_front_line", NEW."occurred_at"))
  EXECUTE FUNCTION "rollup_complaints_changed"();

CREATE FUNCTION "rollup_sightings_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_complaint TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."complaint_id" ELSE NEW."complaint_id" END;
  v_old TIMESTAMPTZ := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."occurred_at" END;
  v_new TIMESTAMPTZ := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."occurred_at" END;
BEGIN
  INSERT INTO "rollup_dirty" ("scope", "team_id", "at")
  SELECT 'complaints', c."routed_team_id", x FROM "complaints" c CROSS JOIN unnest(ARRAY[v_old, v_new]) AS x
   WHERE c."id" = v_complaint AND x IS NOT NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "complaint_sightings_rollup" AFTER INSERT OR UPDATE OR DELETE ON "complaint_sightings"
  FOR EACH ROW EXECUTE FUNCTION "rollup_sightings_changed"();

-- Tagging, untagging and merging themes move a complaint's heard days between themes.
CREATE FUNCTION "rollup_complaint_themes_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_complaint TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."complaint_id" ELSE NEW."complaint_id" END;
BEGIN
  PERFORM "rollup_mark_complaint_days"(c."id", c."routed_team_id", c."occurred_at") FROM "complaints" c WHERE c."id" = v_complaint;
  RETURN NULL;
END $$;

CREATE TRIGGER "complaint_themes_rollup" AFTER INSERT OR UPDATE OR DELETE ON "complaint_themes"
  FOR EACH ROW EXECUTE FUNCTION "rollup_complaint_themes_changed"();
