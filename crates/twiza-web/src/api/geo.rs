//! `/api/v1/geo`: Morocco's regions, provinces and communes with their HCP codes (reference data
//! shipped in the binary; source HCP, CC BY 4.0).

use super::ApiQuery;
use crate::error::{AppError, AppResult, ErrorBody};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct PlaceView {
    pub code: String,
    pub name_fr: String,
    pub name_ar: String,
    /// Code of the enclosing province (communes) or region (provinces).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_code: Option<String>,
    /// 2024 census.
    pub population: Option<i64>,
    pub households: Option<i64>,
}

/// All regions.
#[utoipa::path(get, path = "/api/v1/geo/regions", tag = "geography",
    responses((status = 200, body = [PlaceView])))]
pub async fn regions() -> Json<Vec<PlaceView>> {
    Json(
        twiza_geo::geo()
            .regions()
            .iter()
            .map(|r| PlaceView {
                code: r.code.as_str().to_owned(),
                name_fr: r.name_fr.clone(),
                name_ar: r.name_ar.clone(),
                parent_code: None,
                population: r.population_2024.map(|n| n as i64),
                households: r.households_2024.map(|n| n as i64),
            })
            .collect(),
    )
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProvinceQuery {
    /// Only the provinces of this region.
    pub region: Option<String>,
}

/// Provinces and prefectures, optionally of one region.
#[utoipa::path(get, path = "/api/v1/geo/provinces", tag = "geography", params(ProvinceQuery),
    responses((status = 200, body = [PlaceView]), (status = 400, body = ErrorBody)))]
pub async fn provinces(
    ApiQuery(query): ApiQuery<ProvinceQuery>,
) -> AppResult<Json<Vec<PlaceView>>> {
    let geo = twiza_geo::geo();
    let list: Vec<&twiza_geo::Province> = match query.region.as_deref().filter(|r| !r.is_empty()) {
        Some(r) => {
            let code = twiza_geo::RegionCode::parse(r)
                .map_err(|_| AppError::bad_request("invalid_region").with_field("region"))?;
            geo.provinces_of(&code)
        }
        None => geo.provinces().iter().collect(),
    };
    Ok(Json(
        list.into_iter()
            .map(|p| PlaceView {
                code: p.code.as_str().to_owned(),
                name_fr: p.name_fr.clone(),
                name_ar: p.name_ar.clone(),
                parent_code: Some(p.region_code.as_str().to_owned()),
                population: p.population_2024.map(|n| n as i64),
                households: p.households_2024.map(|n| n as i64),
            })
            .collect(),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CommuneQuery {
    /// Name in French or Arabic (accents, case and Arabic spelling variants ignored), or a code prefix.
    pub q: Option<String>,
    /// Only the communes of this province.
    pub province: Option<String>,
    /// At most 100; default 20.
    pub limit: Option<usize>,
}

/// Searches the 1,503 communes.
#[utoipa::path(get, path = "/api/v1/geo/communes", tag = "geography", params(CommuneQuery),
    responses((status = 200, body = [PlaceView]), (status = 400, body = ErrorBody)))]
pub async fn communes(ApiQuery(query): ApiQuery<CommuneQuery>) -> AppResult<Json<Vec<PlaceView>>> {
    let geo = twiza_geo::geo();
    let limit = query.limit.unwrap_or(20).clamp(1, 100);
    let q: String = query.q.unwrap_or_default().chars().take(100).collect();
    let list: Vec<&twiza_geo::Commune> = match query.province.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => {
            let code = twiza_geo::ProvinceCode::parse(p)
                .map_err(|_| AppError::bad_request("invalid_province").with_field("province"))?;
            let needle = twiza_geo::normalize_for_search(&q);
            geo.communes_of(&code)
                .into_iter()
                .filter(|c| {
                    needle.is_empty()
                        || twiza_geo::normalize_for_search(&c.name_fr).contains(&needle)
                        || twiza_geo::normalize_for_search(&c.name_ar).contains(&needle)
                })
                .take(limit)
                .collect()
        }
        None if q.trim().is_empty() => Vec::new(),
        None => geo.search_communes(&q, limit),
    };
    Ok(Json(
        list.into_iter()
            .map(|c| PlaceView {
                code: c.code.as_str().to_owned(),
                name_fr: c.name_fr.clone(),
                name_ar: c.name_ar.clone(),
                parent_code: Some(c.province_code.as_str().to_owned()),
                population: c.population_2024.map(|n| n as i64),
                households: c.households_2024.map(|n| n as i64),
            })
            .collect(),
    ))
}
