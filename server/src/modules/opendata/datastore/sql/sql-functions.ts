/** The whitespace-separated words of `text`, except headings (one word ending in ':'). */
function words(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter((word) => word.length > 0 && !word.endsWith(':')));
}

/**
 * The functions datastore_search_sql may call: aggregates, window functions and pure computations on
 * values. Nothing that reads files or settings, sleeps, locks, changes the session, reaches other tables
 * by name (query_to_xml, ...), or builds unbounded output from nothing (generate_series, repeat, lpad).
 * A function not listed here is refused, so PostgreSQL versions adding functions add nothing to this.
 */
export const allowedFunctions: ReadonlySet<string> = words(`
  aggregates:
    count sum avg min max stddev stddev_pop stddev_samp variance var_pop var_samp string_agg array_agg
    json_agg jsonb_agg json_object_agg jsonb_object_agg bool_and bool_or every percentile_cont
    percentile_disc mode corr covar_pop covar_samp regr_slope regr_intercept regr_r2 regr_count bit_and
    bit_or any_value

  windows:
    row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value

  numbers:
    abs ceil ceiling floor round trunc sign sqrt cbrt power pow exp ln log log10 mod div pi degrees
    radians sin cos tan asin acos atan atan2 width_bucket scale random gcd lcm factorial

  text:
    length char_length character_length octet_length lower upper initcap btrim ltrim rtrim substr strpos
    replace translate split_part concat concat_ws format reverse starts_with regexp_replace regexp_match
    regexp_matches regexp_split_to_array regexp_like regexp_count regexp_substr regexp_instr to_char
    to_number to_date to_timestamp md5 ascii chr quote_literal quote_ident quote_nullable normalize
    to_hex left right

  dates:
    now date_trunc date_part age make_date make_time make_timestamp make_interval justify_days
    justify_hours justify_interval date_bin isfinite timezone date_add date_subtract

  json:
    json_build_object jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb row_to_json
    json_array_length jsonb_array_length json_extract_path json_extract_path_text jsonb_extract_path
    jsonb_extract_path_text json_each jsonb_each json_each_text jsonb_each_text json_array_elements
    jsonb_array_elements json_array_elements_text jsonb_array_elements_text json_object_keys
    jsonb_object_keys json_typeof jsonb_typeof jsonb_path_query jsonb_path_query_first jsonb_path_exists
    jsonb_path_match jsonb_strip_nulls jsonb_pretty

  arrays:
    array_length array_position array_positions array_remove array_replace array_append array_prepend
    array_cat array_to_string string_to_array unnest cardinality array_lower array_upper array_dims

  types:
    pg_typeof
`);

/** Functions that may be called schema-qualified: only these, in these schemas. */
export const qualifiedFunctions: ReadonlySet<string> = new Set(['platform.search_key']);

/**
 * SQL keywords that are followed by a parenthesis without being function calls (`in (...)`, `over (...)`,
 * `cast(...)`, `numeric(10, 2)`).
 */
export const keywordsBeforeParenthesis: ReadonlySet<string> = words(`
    select from where and or not in exists any all some array row values as on using over filter group
    by partition order case when then else is distinct between like ilike similar to escape union
    intersect except join lateral limit offset having with materialized cast extract position substring
    overlay trim coalesce nullif greatest least grouping rollup cube sets interval numeric decimal
    varchar char character varying bit time timestamp float within fetch first next only ties window
    range rows groups preceding following
`);

/** Keywords never needed by a read-only query: data changes in a CTE, SELECT INTO, endless recursion. */
export const forbiddenKeywords: ReadonlySet<string> = words(`insert update delete merge into recursive`);

/** Object-identifier types look objects up by name in the catalogs: refused anywhere in a query. */
export const forbiddenTypes =
  /^reg(class|proc|procedure|oper|operator|type|config|dictionary|namespace|role|collation)$/;
