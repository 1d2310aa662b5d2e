-- Volunteering under Law 06-18: hosts' accreditations, volunteers' profiles, missions and their
-- shifts, applications, contracts accepted by both parties, attendance, certificates and each
-- mission's message board. Skills, languages and weekdays are bit sets (see the domain's
-- `volunteer.rs`). A volunteer's CIN, phone and emergency contact are sealed with the
-- personal-data keys, bound to `volunteers.reference`, with blind indexes for the CIN (one
-- profile per person) and the phone.

-- An association's accreditation to host contractual volunteers (Law 06-18), with its document.
CREATE TABLE volunteer_accreditations (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    reference TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    issuing_authority TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    document_media_type TEXT,
    document_sha256 TEXT,
    document BLOB,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL,
    -- The form's key: the same form sent twice records one accreditation.
    creation_key TEXT,
    UNIQUE (organization_id, creation_key)
);
CREATE INDEX volunteer_accreditations_org ON volunteer_accreditations(organization_id, valid_until);

-- A volunteer: one per account, one per person (CIN blind index). A volunteer who deletes
-- their profile while a contract or a certificate names them keeps an erased row (no account,
-- no name, no sealed value, `erased_at` set) so that those records still point somewhere.
CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY,
    user_id BIGINT UNIQUE REFERENCES users(id),
    -- `V-<n>`: what the sealed fields are bound to.
    reference TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    seal_key_id BIGINT NOT NULL,
    cin_sealed BLOB,
    cin_index TEXT UNIQUE,
    phone_sealed BLOB,
    phone_index TEXT,
    -- The emergency contact (name and phone, JSON).
    emergency_sealed BLOB,
    skills BIGINT NOT NULL,
    languages BIGINT NOT NULL,
    weekdays BIGINT NOT NULL,
    available_from TEXT,
    available_until TEXT,
    -- Minutes given on shifts worked, kept with each check-out.
    minutes_given BIGINT NOT NULL DEFAULT 0,
    -- Whether announcements and reminders also go by SMS and e-mail.
    notify_sms BIGINT NOT NULL DEFAULT 1,
    notify_email BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    erased_at BIGINT
);
CREATE INDEX volunteers_phone ON volunteers(phone_index);
CREATE INDEX volunteers_seal_key ON volunteers(seal_key_id);

-- The communes a volunteer can go to.
CREATE TABLE volunteer_communes (
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    commune_code TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, commune_code)
);
CREATE INDEX volunteer_communes_commune ON volunteer_communes(commune_code, volunteer_id);

-- The criminal-record certificate (extrait du casier judiciaire) a volunteer uploads; the host
-- checks it (who, when) before a contract.
CREATE TABLE volunteer_documents (
    id INTEGER PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    kind TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at BIGINT NOT NULL,
    -- The host's check: who, when, for which association.
    checked_by BIGINT REFERENCES users(id),
    checked_at BIGINT,
    checked_by_org BIGINT REFERENCES organizations(id)
);
CREATE INDEX volunteer_documents_volunteer ON volunteer_documents(volunteer_id, id);

-- Every read of a volunteer's personal data by a host's member: the volunteer sees it.
CREATE TABLE volunteer_reads (
    id INTEGER PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    account_id BIGINT NOT NULL REFERENCES users(id),
    -- What was read (`profile`, `document`) and why.
    what TEXT NOT NULL,
    purpose TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX volunteer_reads_volunteer ON volunteer_reads(volunteer_id, id);

-- A mission an association publishes, possibly for an incident.
CREATE TABLE missions (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    incident_id BIGINT REFERENCES incidents(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    skills BIGINT NOT NULL,
    languages BIGINT NOT NULL,
    commune_code TEXT NOT NULL,
    douar_id BIGINT REFERENCES douars(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    requirements TEXT,
    -- `open` (published), `closed`.
    status TEXT NOT NULL,
    creation_key TEXT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    UNIQUE (organization_id, creation_key)
);
CREATE INDEX missions_org ON missions(organization_id, id);
CREATE INDEX missions_open ON missions(status, starts_on, id);
CREATE INDEX missions_commune ON missions(commune_code, starts_on);

CREATE TABLE mission_shifts (
    id INTEGER PRIMARY KEY,
    mission_id BIGINT NOT NULL REFERENCES missions(id),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    places BIGINT NOT NULL,
    -- Places taken by accepted applications, kept with each acceptance.
    taken BIGINT NOT NULL DEFAULT 0,
    -- The check-in code the coordinator's phone shows (rotated by the coordinator).
    checkin_code TEXT NOT NULL,
    reminded_at BIGINT,
    closed_at BIGINT
);
CREATE INDEX mission_shifts_mission ON mission_shifts(mission_id, starts_at);
CREATE INDEX mission_shifts_time ON mission_shifts(starts_at);

-- A volunteer's application to a shift: `applied`, `invited`, `waiting` (the shift is full),
-- `accepted`, `declined`, `withdrawn`.
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    mission_id BIGINT NOT NULL REFERENCES missions(id),
    shift_id BIGINT NOT NULL REFERENCES mission_shifts(id),
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    status TEXT NOT NULL,
    note TEXT,
    created_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT,
    UNIQUE (shift_id, volunteer_id)
);
CREATE INDEX applications_volunteer ON applications(volunteer_id, status);
CREATE INDEX applications_mission ON applications(mission_id, status, id);

-- A Law 06-18 contract from an accepted application: the text generated in Arabic and French
-- (kept as generated), accepted by each party (who, when, from which account).
CREATE TABLE volunteer_contracts (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    mission_id BIGINT NOT NULL REFERENCES missions(id),
    application_id BIGINT NOT NULL UNIQUE REFERENCES applications(id),
    accreditation_id BIGINT NOT NULL REFERENCES volunteer_accreditations(id),
    -- `CV-YYYY-<n>`: the register's number.
    number TEXT NOT NULL UNIQUE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    weekly_hours BIGINT NOT NULL,
    training TEXT NOT NULL,
    insurance TEXT NOT NULL,
    expenses TEXT NOT NULL,
    termination TEXT NOT NULL,
    text_ar TEXT NOT NULL,
    text_fr TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    -- `proposed`, `host_accepted`, `volunteer_accepted`, `signed` (both), `ended`.
    status TEXT NOT NULL,
    host_accepted_by BIGINT REFERENCES users(id),
    host_accepted_at BIGINT,
    volunteer_accepted_by BIGINT REFERENCES users(id),
    volunteer_accepted_at BIGINT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_contracts_org ON volunteer_contracts(organization_id, id);
CREATE INDEX volunteer_contracts_volunteer ON volunteer_contracts(volunteer_id, id);

-- A volunteer on a shift: check-in and check-out (by the code or by the coordinator), the
-- minutes counted, a forgotten check-out closed at the shift's end and flagged, a no-show.
CREATE TABLE shift_attendance (
    application_id BIGINT PRIMARY KEY REFERENCES applications(id),
    shift_id BIGINT NOT NULL REFERENCES mission_shifts(id),
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    checked_in_at BIGINT,
    checked_in_by BIGINT REFERENCES users(id),
    checked_out_at BIGINT,
    checked_out_by BIGINT REFERENCES users(id),
    minutes BIGINT,
    -- `present`, `closed_at_end` (to review), `no_show`, `reviewed`.
    status TEXT NOT NULL
);
CREATE INDEX shift_attendance_shift ON shift_attendance(shift_id);
CREATE INDEX shift_attendance_volunteer ON shift_attendance(volunteer_id);

-- A certificate of volunteering: the code anyone checks, what it says, and its commitment
-- (SHA-256 of a random salt and the certificate's content) appended to the transparency log.
CREATE TABLE volunteer_certificates (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    minutes BIGINT NOT NULL,
    missions BIGINT NOT NULL,
    period_from TEXT NOT NULL,
    period_until TEXT NOT NULL,
    content TEXT NOT NULL,
    salt TEXT NOT NULL,
    commitment TEXT NOT NULL,
    issued_by BIGINT NOT NULL REFERENCES users(id),
    issued_at BIGINT NOT NULL,
    issue_key TEXT,
    UNIQUE (organization_id, issue_key)
);
CREATE INDEX volunteer_certificates_volunteer ON volunteer_certificates(volunteer_id, id);

-- A mission's message board: announcements from coordinators to the accepted volunteers, and
-- their replies, which only the coordinators see.
CREATE TABLE mission_messages (
    id INTEGER PRIMARY KEY,
    mission_id BIGINT NOT NULL REFERENCES missions(id),
    -- `announcement` or `reply`.
    kind TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users(id),
    -- A reply's announcement.
    reply_to BIGINT REFERENCES mission_messages(id),
    body TEXT NOT NULL,
    post_key TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (mission_id, post_key)
);
CREATE INDEX mission_messages_mission ON mission_messages(mission_id, id);
