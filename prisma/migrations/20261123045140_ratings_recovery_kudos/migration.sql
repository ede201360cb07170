-- CreateEnum
CREATE TYPE "RatingKind" AS ENUM ('FIRST', 'RERATING');

-- CreateEnum
CREATE TYPE "RecoveryStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'APOLOGY_SENT', 'ACTION_RECORDED', 'CLOSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestEventKind" ADD VALUE 'RATING_CHANGED';
ALTER TYPE "RequestEventKind" ADD VALUE 'RERATED';
ALTER TYPE "RequestEventKind" ADD VALUE 'RECOVERY_OPENED';
ALTER TYPE "RequestEventKind" ADD VALUE 'RECOVERY_ACKNOWLEDGED';
ALTER TYPE "RequestEventKind" ADD VALUE 'RECOVERY_APOLOGY_SENT';
ALTER TYPE "RequestEventKind" ADD VALUE 'RECOVERY_ACTION_RECORDED';
ALTER TYPE "RequestEventKind" ADD VALUE 'RECOVERY_CLOSED';
ALTER TYPE "RequestEventKind" ADD VALUE 'RECOVERY_ESCALATED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'RATING_REQUESTED';
ALTER TYPE "NotificationKind" ADD VALUE 'RATING_RECEIVED';
ALTER TYPE "NotificationKind" ADD VALUE 'RECOVERY_OPENED';
ALTER TYPE "NotificationKind" ADD VALUE 'RECOVERY_UPDATED';
ALTER TYPE "NotificationKind" ADD VALUE 'RECOVERY_ESCALATED';
ALTER TYPE "NotificationKind" ADD VALUE 'KUDOS_RECEIVED';

-- CreateTable
CREATE TABLE "ratings" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "rater_id" TEXT NOT NULL,
    "kind" "RatingKind" NOT NULL DEFAULT 'FIRST',
    "overall" INTEGER NOT NULL,
    "exceeded_expectations" BOOLEAN NOT NULL,
    "availability" INTEGER,
    "responsiveness" INTEGER,
    "timeliness" INTEGER,
    "comprehensiveness" INTEGER,
    "pleasantness" INTEGER,
    "reliability" INTEGER,
    "overall_service" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_cases" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "rating_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "status" "RecoveryStatus" NOT NULL DEFAULT 'OPEN',
    "waiting_on_team_id" TEXT NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "acknowledge_due_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "owner_id" TEXT,
    "apology_sent_at" TIMESTAMPTZ(3),
    "apology_note" TEXT,
    "action_recorded_at" TIMESTAMPTZ(3),
    "corrective_action" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closing_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recovery_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kudos" (
    "id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "recipient_user_id" TEXT,
    "recipient_team_id" TEXT,
    "request_id" TEXT,
    "message" TEXT NOT NULL,
    "submission_key" TEXT,
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_by_id" TEXT,
    "hidden_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kudos_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ratings_created_at_idx" ON "ratings"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "ratings_request_id_kind_key" ON "ratings"("request_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "recovery_cases_request_id_key" ON "recovery_cases"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "recovery_cases_rating_id_key" ON "recovery_cases"("rating_id");

-- CreateIndex
CREATE INDEX "recovery_cases_status_acknowledge_due_at_idx" ON "recovery_cases"("status", "acknowledge_due_at");

-- CreateIndex
CREATE INDEX "recovery_cases_team_id_closed_at_idx" ON "recovery_cases"("team_id", "closed_at");

-- CreateIndex
CREATE INDEX "recovery_cases_waiting_on_team_id_status_idx" ON "recovery_cases"("waiting_on_team_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "kudos_submission_key_key" ON "kudos"("submission_key");

-- CreateIndex
CREATE INDEX "kudos_created_at_id_idx" ON "kudos"("created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "kudos_recipient_user_id_created_at_idx" ON "kudos"("recipient_user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "kudos_recipient_team_id_created_at_idx" ON "kudos"("recipient_team_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "requests_provider_team_id_resolved_at_idx" ON "requests"("provider_team_id", "resolved_at");

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_id_fkey" FOREIGN KEY ("rater_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_rating_id_fkey" FOREIGN KEY ("rating_id") REFERENCES "ratings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_waiting_on_team_id_fkey" FOREIGN KEY ("waiting_on_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_recipient_user_id_fkey" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_recipient_team_id_fkey" FOREIGN KEY ("recipient_team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: rules schema.prisma cannot express, so no code path can store a score outside
-- 1–5 or a kudos with no recipient or two.
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_scores_check" CHECK (
    "overall" BETWEEN 1 AND 5
    AND coalesce("availability", 1) BETWEEN 1 AND 5
    AND coalesce("responsiveness", 1) BETWEEN 1 AND 5
    AND coalesce("timeliness", 1) BETWEEN 1 AND 5
    AND coalesce("comprehensiveness", 1) BETWEEN 1 AND 5
    AND coalesce("pleasantness", 1) BETWEEN 1 AND 5
    AND coalesce("reliability", 1) BETWEEN 1 AND 5
    AND coalesce("overall_service", 1) BETWEEN 1 AND 5
);
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_one_recipient_check" CHECK (("recipient_user_id" IS NULL) <> ("recipient_team_id" IS NULL));
