package web

import (
	"encoding/json"

	"go.yaml.in/yaml/v3"
)

// yamlToJSON decodes YAML into v through JSON, so that v's json tags apply.
func yamlToJSON(src []byte, v any) error {
	var m any
	if err := yaml.Unmarshal(src, &m); err != nil {
		return err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
