-- What package_search filters and facets on, copied onto the dataset row (issue #4's speed goal): with
-- them the total and every facet are counted over the matching rows alone, with no join to the whole
-- dataset_tags or resources tables. DatasetsRepo.touch() rewrites them in the same transaction as every
-- write to a dataset's tags, groups or resources (GroupsRepo.delete for a group's removal); the link
-- tables stay the source of truth and of the package dicts.
alter table opendata.datasets
  -- Tag names, each once (dataset_tags' key), sorted.
  add column tag_names text[] not null default '{}',
  -- Formats of the active resources as written, each once ('' included: the filter matches it, the
  -- facet leaves it out); the filter compares them case-insensitively.
  add column res_formats text[] not null default '{}',
  -- Group ids rather than names: a renamed group needs no rewrite of its datasets.
  add column group_ids uuid[] not null default '{}';

update opendata.datasets d set
  tag_names = array(select t.name from opendata.dataset_tags dt join opendata.tags t on t.id = dt.tag_id
                    where dt.dataset_id = d.id order by t.name),
  res_formats = array(select distinct r.format from opendata.resources r
                      where r.dataset_id = d.id and r.state = 'active' order by r.format),
  group_ids = array(select dg.group_id from opendata.dataset_groups dg
                    where dg.dataset_id = d.id order by dg.group_id);

create index datasets_tag_names_idx on opendata.datasets using gin (tag_names);
create index datasets_group_ids_idx on opendata.datasets using gin (group_ids);
