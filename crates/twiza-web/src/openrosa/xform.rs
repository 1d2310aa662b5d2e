//! Twiza's forms as ODK XForms 1.0 (the ODK XForms specification), written from Twiza's own
//! rules — need categories, urgencies, household fields — with their labels in the four
//! languages as `itext` translations taken from the message files; choice lists that change
//! (incidents, communes, douars) are CSV media files (`jr://file-csv/…`), so choices work
//! offline in Collect. Also the OpenRosa form list and manifest documents. Pure: no I/O.

use quick_xml::escape::escape;
use twiza_domain::crisis::{NeedCategory, Urgency};
use twiza_i18n::{Locale, Messages};

/// The field assessment of a need.
pub const NEED_ASSESSMENT: &str = "twiza_need_assessment";
/// A household registered with its members.
pub const HOUSEHOLD: &str = "twiza_household";
/// A delivery confirmed by the agent's statement and photo (families without a phone).
pub const DELIVERY: &str = "twiza_delivery";

/// One question of a form.
enum Kind {
    Int,
    Text,
    Date,
    /// Choices from a CSV attachment: its instance id, and the filter on its rows.
    Csv {
        instance: &'static str,
        filter: &'static str,
    },
    /// Fixed choices: their values and message keys.
    Choices(Vec<(&'static str, String)>),
    /// A photo taken or chosen on the device, sent as an attachment.
    Image,
    /// A repeat group of questions.
    Repeat(Vec<Field>),
}

struct Field {
    name: &'static str,
    /// The message key of its label.
    label: String,
    kind: Kind,
    required: bool,
}

fn field(name: &'static str, label: &str, kind: Kind, required: bool) -> Field {
    Field {
        name,
        label: label.to_owned(),
        kind,
        required,
    }
}

/// A form: its id, the message key of its title, its questions and the CSV files it reads.
struct Form {
    id: &'static str,
    title: &'static str,
    fields: Vec<Field>,
    media: &'static [&'static str],
}

/// The CSV attachments of a form, by file name.
pub fn media_of(form_id: &str) -> &'static [&'static str] {
    match form_id {
        NEED_ASSESSMENT => &["incidents.csv", "communes.csv", "douars.csv"],
        HOUSEHOLD => &["communes.csv"],
        DELIVERY => &["deliveries.csv"],
        _ => &[],
    }
}

/// The forms Twiza serves, by id.
pub const FORMS: [&str; 3] = [NEED_ASSESSMENT, HOUSEHOLD, DELIVERY];

/// The message key of a form's title.
pub fn title_key(form_id: &str) -> &'static str {
    match form_id {
        NEED_ASSESSMENT => "assessment-title",
        HOUSEHOLD => "registry-register",
        _ => "delivery-agent-title",
    }
}

/// Fixed choices: every code of a list, labelled by `key-<code>` (`_` written `-`).
fn choices<T: Copy>(all: &[T], value: impl Fn(T) -> &'static str, key: &str) -> Kind {
    Kind::Choices(
        all.iter()
            .map(|c| (value(*c), format!("{key}-{}", value(*c).replace('_', "-"))))
            .collect(),
    )
}

fn need_assessment() -> Form {
    Form {
        id: NEED_ASSESSMENT,
        title: title_key(NEED_ASSESSMENT),
        media: media_of(NEED_ASSESSMENT),
        fields: vec![
            field(
                "incident",
                "openrosa-incident",
                Kind::Csv {
                    instance: "incidents",
                    filter: "",
                },
                true,
            ),
            field(
                "commune",
                "need-commune",
                Kind::Csv {
                    instance: "communes",
                    filter: "[incident = /data/incident]",
                },
                true,
            ),
            field(
                "douar",
                "need-douar",
                Kind::Csv {
                    instance: "douars",
                    filter: "[commune = /data/commune and incident = /data/incident]",
                },
                false,
            ),
            field(
                "category",
                "need-category",
                choices(NeedCategory::ALL, NeedCategory::as_str, "need-category"),
                true,
            ),
            field("households", "need-households", Kind::Int, false),
            field("people", "need-people", Kind::Int, false),
            field(
                "urgency",
                "need-urgency",
                choices(Urgency::ALL, Urgency::as_str, "need-urgency"),
                true,
            ),
            field("note", "need-description", Kind::Text, false),
        ],
    }
}

fn household() -> Form {
    use twiza_domain::registry::{
        ConsentChannel, ConsentPurpose, Disability, HousingDamage, LegalBasis, Relation, Schooling,
        Sex,
    };
    let members = vec![
        field("given_name_ar", "registry-given-name-ar", Kind::Text, false),
        field(
            "family_name_ar",
            "registry-family-name-ar",
            Kind::Text,
            false,
        ),
        field(
            "given_name_lat",
            "registry-given-name-lat",
            Kind::Text,
            false,
        ),
        field(
            "family_name_lat",
            "registry-family-name-lat",
            Kind::Text,
            false,
        ),
        field(
            "sex",
            "registry-sex",
            choices(Sex::ALL, Sex::as_str, "registry-sex"),
            true,
        ),
        field("birth_date", "registry-birth-date", Kind::Date, true),
        field(
            "relation",
            "registry-relation",
            choices(Relation::ALL, Relation::as_str, "registry-relation"),
            true,
        ),
        field(
            "disability",
            "registry-disability",
            choices(Disability::ALL, Disability::as_str, "registry-disability"),
            false,
        ),
        field(
            "schooling",
            "registry-schooling",
            choices(Schooling::ALL, Schooling::as_str, "registry-schooling"),
            false,
        ),
    ];
    Form {
        id: HOUSEHOLD,
        title: title_key(HOUSEHOLD),
        media: media_of(HOUSEHOLD),
        fields: vec![
            field(
                "commune",
                "registry-commune",
                Kind::Csv {
                    instance: "communes",
                    filter: "",
                },
                true,
            ),
            field("douar", "registry-douar", Kind::Text, false),
            field(
                "housing_damage",
                "registry-damage",
                choices(HousingDamage::ALL, HousingDamage::as_str, "registry-damage"),
                false,
            ),
            field(
                "consent_purpose",
                "registry-purpose",
                choices(
                    ConsentPurpose::ALL,
                    ConsentPurpose::as_str,
                    "registry-purpose",
                ),
                true,
            ),
            field(
                "consent_legal_basis",
                "registry-basis",
                choices(LegalBasis::ALL, LegalBasis::as_str, "registry-basis"),
                true,
            ),
            field(
                "consent_channel",
                "registry-channel",
                choices(
                    ConsentChannel::ALL,
                    ConsentChannel::as_str,
                    "registry-channel",
                ),
                true,
            ),
            field("members", "registry-members", Kind::Repeat(members), true),
        ],
    }
}

fn delivery() -> Form {
    Form {
        id: DELIVERY,
        title: title_key(DELIVERY),
        media: media_of(DELIVERY),
        fields: vec![
            field(
                "delivery",
                "delivery-label",
                Kind::Csv {
                    instance: "deliveries",
                    filter: "",
                },
                true,
            ),
            field("statement", "delivery-statement", Kind::Text, true),
            field("photo", "delivery-photo", Kind::Image, true),
        ],
    }
}

/// The XForm of `form_id`, or `None` for a form Twiza does not serve. Its bytes depend only on
/// the code and the message files, so its hash changes only when they do; its version is
/// derived from them.
pub fn xform(messages: &Messages, form_id: &str) -> Option<String> {
    let form = match form_id {
        NEED_ASSESSMENT => need_assessment(),
        HOUSEHOLD => household(),
        DELIVERY => delivery(),
        _ => return None,
    };
    let draft = write(messages, &form, "");
    let version = hex::encode(&sha256(draft.as_bytes())[..6]);
    Some(write(messages, &form, &version))
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// The `md5:` hash OpenRosa lists for a file.
pub fn md5_hash(bytes: &[u8]) -> String {
    use md5::Digest;
    format!("md5:{}", hex::encode(md5::Md5::digest(bytes)))
}

/// A translation's name as Collect matches it with the device's language.
fn language_name(locale: Locale) -> &'static str {
    match locale {
        Locale::Ar => "Arabic (ar)",
        Locale::Fr => "French (fr)",
        Locale::Zgh => "Tamazight (zgh)",
        Locale::En => "English (en)",
    }
}

fn write(messages: &Messages, form: &Form, version: &str) -> String {
    let mut x = String::with_capacity(16 * 1024);
    x.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\" \
         xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:odk=\"http://www.opendatakit.org/xforms\" \
         xmlns:orx=\"http://openrosa.org/xforms\">\n<h:head>\n",
    );
    let title = messages.t(Locale::DEFAULT, form.title);
    x.push_str(&format!("<h:title>{}</h:title>\n", escape(&title)));
    x.push_str("<model odk:xforms-version=\"1.0.0\">\n<itext>\n");
    for locale in Locale::ALL {
        let default = if locale == Locale::DEFAULT {
            " default=\"true()\""
        } else {
            ""
        };
        x.push_str(&format!(
            "<translation lang=\"{}\"{default}>\n",
            language_name(locale)
        ));
        itext(messages, locale, "/data", &form.fields, &mut x);
        x.push_str("</translation>\n");
    }
    x.push_str("</itext>\n<instance>\n");
    x.push_str(&format!(
        "<data id=\"{}\" version=\"{}\">\n",
        form.id,
        escape(version)
    ));
    instance(&form.fields, &mut x);
    x.push_str("<meta><instanceID/></meta>\n</data>\n</instance>\n");
    for file in form.media {
        let id = file.trim_end_matches(".csv");
        x.push_str(&format!(
            "<instance id=\"{id}\" src=\"jr://file-csv/{file}\"/>\n"
        ));
    }
    binds("/data", &form.fields, &mut x);
    x.push_str(
        "<bind nodeset=\"/data/meta/instanceID\" type=\"string\" readonly=\"true()\" \
         jr:preload=\"uid\"/>\n</model>\n</h:head>\n<h:body>\n",
    );
    body("/data", &form.fields, &mut x);
    x.push_str("</h:body>\n</h:html>\n");
    x
}

fn itext(messages: &Messages, locale: Locale, parent: &str, fields: &[Field], x: &mut String) {
    for f in fields {
        let path = format!("{parent}/{}", f.name);
        x.push_str(&format!(
            "<text id=\"{path}:label\"><value>{}</value></text>\n",
            escape(messages.t(locale, &f.label))
        ));
        match &f.kind {
            Kind::Choices(list) => {
                for (value, key) in list {
                    x.push_str(&format!(
                        "<text id=\"{path}/{value}:label\"><value>{}</value></text>\n",
                        escape(messages.t(locale, key))
                    ));
                }
            }
            Kind::Repeat(inner) => itext(messages, locale, &path, inner, x),
            _ => {}
        }
    }
}

fn instance(fields: &[Field], x: &mut String) {
    for f in fields {
        match &f.kind {
            Kind::Repeat(inner) => {
                x.push_str(&format!("<{} jr:template=\"\">", f.name));
                instance(inner, x);
                x.push_str(&format!("</{}>\n", f.name));
            }
            _ => x.push_str(&format!("<{}/>", f.name)),
        }
    }
    x.push('\n');
}

fn binds(parent: &str, fields: &[Field], x: &mut String) {
    for f in fields {
        let path = format!("{parent}/{}", f.name);
        let (kind, constraint) = match &f.kind {
            Kind::Int => ("int", " constraint=\". &gt;= 0\""),
            Kind::Date => ("date", ""),
            Kind::Image => ("binary", ""),
            Kind::Text | Kind::Csv { .. } | Kind::Choices(_) => ("string", ""),
            Kind::Repeat(inner) => {
                binds(&path, inner, x);
                continue;
            }
        };
        let required = if f.required {
            " required=\"true()\""
        } else {
            ""
        };
        x.push_str(&format!(
            "<bind nodeset=\"{path}\" type=\"{kind}\"{required}{constraint}/>\n"
        ));
    }
}

fn body(parent: &str, fields: &[Field], x: &mut String) {
    for f in fields {
        let path = format!("{parent}/{}", f.name);
        let label = format!("<label ref=\"jr:itext('{path}:label')\"/>");
        match &f.kind {
            Kind::Int | Kind::Text | Kind::Date => {
                x.push_str(&format!("<input ref=\"{path}\">{label}</input>\n"));
            }
            Kind::Image => x.push_str(&format!(
                "<upload ref=\"{path}\" mediatype=\"image/*\">{label}</upload>\n"
            )),
            Kind::Csv { instance, filter } => x.push_str(&format!(
                "<select1 ref=\"{path}\">{label}<itemset nodeset=\"instance('{instance}')/root/item{}\">\
                 <value ref=\"name\"/><label ref=\"label\"/></itemset></select1>\n",
                escape(*filter)
            )),
            Kind::Choices(list) => {
                x.push_str(&format!("<select1 ref=\"{path}\">{label}\n"));
                for (value, _) in list {
                    x.push_str(&format!(
                        "<item><label ref=\"jr:itext('{path}/{value}:label')\"/><value>{value}</value></item>\n"
                    ));
                }
                x.push_str("</select1>\n");
            }
            Kind::Repeat(inner) => {
                x.push_str(&format!(
                    "<group ref=\"{path}\">{label}\n<repeat nodeset=\"{path}\">\n"
                ));
                body(&path, inner, x);
                x.push_str("</repeat>\n</group>\n");
            }
        }
    }
}

/// One row of a CSV choice list: its value, its label and the columns that filter it.
pub struct Choice {
    pub name: String,
    pub label: String,
    pub filters: Vec<(&'static str, String)>,
}

/// A CSV choice list: `name,label` and the filter columns, in the order of the first row's.
pub fn choices_csv(rows: &[Choice], filter_columns: &[&str]) -> String {
    let mut out = String::from("name,label");
    for c in filter_columns {
        out.push(',');
        out.push_str(c);
    }
    out.push('\n');
    for row in rows {
        out.push_str(&csv_cell(&row.name));
        out.push(',');
        out.push_str(&csv_cell(&row.label));
        for column in filter_columns {
            out.push(',');
            let value = row
                .filters
                .iter()
                .find(|(k, _)| k == column)
                .map_or("", |(_, v)| v.as_str());
            out.push_str(&csv_cell(value));
        }
        out.push('\n');
    }
    out
}

fn csv_cell(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// One entry of the form list.
pub struct Listed<'a> {
    pub form_id: &'a str,
    pub name: &'a str,
    pub version: &'a str,
    pub hash: &'a str,
    pub download_url: &'a str,
    pub manifest_url: &'a str,
}

/// The OpenRosa form list (`xformsList`).
pub fn form_list(forms: &[Listed<'_>]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <xforms xmlns=\"http://openrosa.org/xforms/xformsList\">\n",
    );
    for f in forms {
        x.push_str(&format!(
            "<xform><formID>{}</formID><name>{}</name><version>{}</version><hash>{}</hash>\
             <downloadUrl>{}</downloadUrl><manifestUrl>{}</manifestUrl></xform>\n",
            escape(f.form_id),
            escape(f.name),
            escape(f.version),
            escape(f.hash),
            escape(f.download_url),
            escape(f.manifest_url)
        ));
    }
    x.push_str("</xforms>\n");
    x
}

/// The OpenRosa manifest of a form's media: (file name, `md5:` hash, download URL).
pub fn manifest(files: &[(&str, String, String)]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <manifest xmlns=\"http://openrosa.org/xforms/xformsManifest\">\n",
    );
    for (name, hash, url) in files {
        x.push_str(&format!(
            "<mediaFile><filename>{}</filename><hash>{}</hash><downloadUrl>{}</downloadUrl></mediaFile>\n",
            escape(*name),
            escape(hash),
            escape(url)
        ));
    }
    x.push_str("</manifest>\n");
    x
}

/// An OpenRosa response message (`OpenRosaResponse`), of `nature` `submit_success` or the
/// refusal's code.
pub fn response(nature: &str, message: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">\
         <message nature=\"{}\">{}</message></OpenRosaResponse>\n",
        escape(nature),
        escape(message)
    )
}

/// The version a form declares (`<data … version="…">`).
pub fn version_of(xform: &str) -> &str {
    xform
        .split_once("\" version=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("", |(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages() -> Messages {
        Messages::load().expect("messages")
    }

    #[test]
    fn the_need_assessment_has_the_instance_and_the_labels_in_four_languages() {
        let m = messages();
        let x = xform(&m, NEED_ASSESSMENT).expect("form");
        let version = version_of(&x);
        assert_eq!(version.len(), 12);
        assert!(x.contains(&format!(
            "<data id=\"twiza_need_assessment\" version=\"{version}\">"
        )));
        for node in [
            "<incident/>",
            "<commune/>",
            "<douar/>",
            "<category/>",
            "<households/>",
            "<people/>",
            "<urgency/>",
            "<note/>",
            "<meta><instanceID/></meta>",
        ] {
            assert!(x.contains(node), "{node}");
        }
        for locale in Locale::ALL {
            assert!(x.contains(language_name(locale)));
            let water = m.t(locale, "need-category-water");
            assert!(x.contains(&*escape(&water)), "{water}");
            let critical = m.t(locale, "need-urgency-critical");
            assert!(x.contains(&*escape(&critical)), "{critical}");
        }
        for u in ["low", "medium", "high", "critical"] {
            assert!(x.contains(&format!("<value>{u}</value>")));
        }
        assert!(x.contains("src=\"jr://file-csv/communes.csv\""));
        assert!(x.contains("instance('douars')/root/item[commune = /data/commune"));
        // The same bytes every time: the hash in the form list is stable.
        assert_eq!(x, xform(&m, NEED_ASSESSMENT).expect("form"));
        assert!(xform(&m, "twiza_unknown").is_none());
    }

    #[test]
    fn the_household_form_repeats_its_members() {
        let x = xform(&messages(), HOUSEHOLD).expect("form");
        assert!(x.contains("<data id=\"twiza_household\""));
        assert!(x.contains("<members jr:template=\"\">"));
        assert!(x.contains("<repeat nodeset=\"/data/members\">"));
        assert!(x.contains("<bind nodeset=\"/data/members/birth_date\" type=\"date\""));
    }

    #[test]
    fn the_delivery_form_takes_a_photo() {
        let x = xform(&messages(), DELIVERY).expect("form");
        assert!(x.contains("<bind nodeset=\"/data/photo\" type=\"binary\" required=\"true()\"/>"));
        assert!(x.contains("<upload ref=\"/data/photo\" mediatype=\"image/*\">"));
        assert!(x.contains("src=\"jr://file-csv/deliveries.csv\""));
    }

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        let rows = [Choice {
            name: "1".into(),
            label: "Séisme, \"Al Haouz\"".into(),
            filters: vec![("commune", "07.041.07.05".into())],
        }];
        assert_eq!(
            choices_csv(&rows, &["commune", "incident"]),
            "name,label,commune,incident\n1,\"Séisme, \"\"Al Haouz\"\"\",07.041.07.05,\n"
        );
    }

    #[test]
    fn documents_escape_what_they_carry() {
        let list = form_list(&[Listed {
            form_id: NEED_ASSESSMENT,
            name: "a < b & c",
            version: "1",
            hash: "md5:00",
            download_url: "https://x/openrosa/forms/twiza_need_assessment",
            manifest_url: "https://x/openrosa/forms/twiza_need_assessment/manifest",
        }]);
        assert!(list.contains("<name>a &lt; b &amp; c</name>"));
        assert!(list.contains("xmlns=\"http://openrosa.org/xforms/xformsList\""));
        assert_eq!(md5_hash(b""), "md5:d41d8cd98f00b204e9800998ecf8427e");
        let r = response("submit_success", "Reçu");
        assert!(r.contains("<message nature=\"submit_success\">Reçu</message>"));
    }
}
