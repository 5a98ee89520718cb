import django_filters

from documents.models import Document, DocumentStatus, DocumentType


class DocumentFilter(django_filters.FilterSet):
    deal = django_filters.NumberFilter(field_name="deal_id", min_value=1)
    document_type = django_filters.ChoiceFilter(choices=DocumentType.choices)
    status = django_filters.ChoiceFilter(choices=DocumentStatus.choices)

    class Meta:
        model = Document
        fields = ["deal", "document_type", "status"]
