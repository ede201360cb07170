-- CreateEnum
CREATE TYPE "ComplaintChannel" AS ENUM ('PHONE', 'EMAIL', 'WEB', 'CHAT', 'IN_PERSON', 'SOCIAL', 'COMMENT_CARD', 'SURVEY', 'OTHER');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('LOGGED', 'ESCALATED', 'ACKNOWLEDGED', 'ACTION_PLANNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ComplaintEventKind" AS ENUM ('LOGGED', 'CRITICAL_ALERT', 'ESCALATED', 'ACKNOWLEDGED', 'REROUTED', 'THEMES_CHANGED', 'ACTION_PLANNED', 'RESPONDED', 'CLOSED', 'SIGHTING_ADDED', 'CONTACT_VIEWED', 'CONTACT_PURGED');

-- CreateEnum
CREATE TYPE "FeedbackKind" AS ENUM ('SUGGESTION', 'CONCERN');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_ROUTED';
ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_CRITICAL';
ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_ESCALATED';
ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_UPDATED';
ALTER TYPE "NotificationKind" ADD VALUE 'FEEDBACK_RECEIVED';
ALTER TYPE "NotificationKind" ADD VALUE 'FEEDBACK_ANSWERED';

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "complaint_ack_target_minutes" INTEGER NOT NULL DEFAULT 1440;

-- CreateTable
CREATE TABLE "complaint_categories" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner_team_id" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaint_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaints" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "reporter_id" TEXT NOT NULL,
    "channel" "ComplaintChannel" NOT NULL,
    "category_id" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "summary" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "action_taken" TEXT NOT NULL DEFAULT '',
    "resolved_at_front_line" BOOLEAN NOT NULL DEFAULT false,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ComplaintStatus" NOT NULL,
    "routed_team_id" TEXT NOT NULL,
    "waiting_on_team_id" TEXT NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "escalated_at" TIMESTAMPTZ(3),
    "acknowledge_due_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" TEXT,
    "action_plan" TEXT,
    "action_planned_at" TIMESTAMPTZ(3),
    "response" TEXT,
    "responded_at" TIMESTAMPTZ(3),
    "responded_by_id" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "customer_name" TEXT,
    "customer_email" TEXT,
    "customer_phone" TEXT,
    "customer_reference" TEXT,
    "contact_purged_at" TIMESTAMPTZ(3),
    "submission_key" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_sightings" (
    "id" TEXT NOT NULL,
    "complaint_id" TEXT NOT NULL,
    "reporter_id" TEXT NOT NULL,
    "channel" "ComplaintChannel" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_sightings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "themes" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "themes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_themes" (
    "complaint_id" TEXT NOT NULL,
    "theme_id" TEXT NOT NULL,
    "tagged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tagged_by_id" TEXT,

    CONSTRAINT "complaint_themes_pkey" PRIMARY KEY ("complaint_id","theme_id")
);

-- CreateTable
CREATE TABLE "complaint_events" (
    "id" BIGSERIAL NOT NULL,
    "complaint_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "kind" "ComplaintEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from_team_id" TEXT,
    "to_team_id" TEXT,
    "note" TEXT,

    CONSTRAINT "complaint_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" TEXT NOT NULL,
    "kind" "FeedbackKind" NOT NULL,
    "team_id" TEXT,
    "author_id" TEXT,
    "anonymous" BOOLEAN NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "submitted_on" DATE NOT NULL,
    "follow_up_code_hash" TEXT,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'OPEN',
    "announced_on" DATE,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_responses" (
    "id" TEXT NOT NULL,
    "feedback_id" TEXT NOT NULL,
    "responder_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_responses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "complaint_categories_name_key" ON "complaint_categories"("name");

-- CreateIndex
CREATE UNIQUE INDEX "complaints_number_key" ON "complaints"("number");

-- CreateIndex
CREATE UNIQUE INDEX "complaints_submission_key_key" ON "complaints"("submission_key");

-- CreateIndex
CREATE INDEX "complaints_routed_team_id_created_at_idx" ON "complaints"("routed_team_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "complaints_reporter_id_created_at_idx" ON "complaints"("reporter_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "complaints_status_acknowledge_due_at_idx" ON "complaints"("status", "acknowledge_due_at");

-- CreateIndex
CREATE INDEX "complaints_created_at_idx" ON "complaints"("created_at");

-- CreateIndex
CREATE INDEX "complaints_status_closed_at_idx" ON "complaints"("status", "closed_at");

-- CreateIndex
CREATE INDEX "complaints_summary_trgm_idx" ON "complaints" USING GIN ("summary" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "complaint_sightings_submission_key_key" ON "complaint_sightings"("submission_key");

-- CreateIndex
CREATE INDEX "complaint_sightings_complaint_id_occurred_at_idx" ON "complaint_sightings"("complaint_id", "occurred_at");

-- CreateIndex
CREATE INDEX "complaint_sightings_occurred_at_idx" ON "complaint_sightings"("occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "themes_name_key" ON "themes"("name");

-- CreateIndex
CREATE INDEX "complaint_themes_theme_id_idx" ON "complaint_themes"("theme_id");

-- CreateIndex
CREATE INDEX "complaint_events_complaint_id_at_id_idx" ON "complaint_events"("complaint_id", "at", "id");

-- CreateIndex
CREATE INDEX "complaint_events_kind_at_idx" ON "complaint_events"("kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_follow_up_code_hash_key" ON "feedback"("follow_up_code_hash");

-- CreateIndex
CREATE INDEX "feedback_team_id_submitted_on_idx" ON "feedback"("team_id", "submitted_on");

-- CreateIndex
CREATE INDEX "feedback_author_id_idx" ON "feedback"("author_id");

-- CreateIndex
CREATE INDEX "feedback_submitted_on_idx" ON "feedback"("submitted_on");

-- CreateIndex
CREATE INDEX "feedback_responses_feedback_id_created_at_idx" ON "feedback_responses"("feedback_id", "created_at");

-- AddForeignKey
ALTER TABLE "complaint_categories" ADD CONSTRAINT "complaint_categories_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "complaint_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_routed_team_id_fkey" FOREIGN KEY ("routed_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_waiting_on_team_id_fkey" FOREIGN KEY ("waiting_on_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_sightings" ADD CONSTRAINT "complaint_sightings_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_sightings" ADD CONSTRAINT "complaint_sightings_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_themes" ADD CONSTRAINT "complaint_themes_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_themes" ADD CONSTRAINT "complaint_themes_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "themes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: an anonymous entry can never carry its author, whatever the code does.
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_anonymous_check" CHECK (NOT "anonymous" OR "author_id" IS NULL);
